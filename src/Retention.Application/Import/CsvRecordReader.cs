using System.Text;

namespace Retention.Application.Import;

/// <summary>
/// Reads RFC 4180 records (quoted fields may hold the delimiter, <c>""</c> and line breaks) and says on which line of
/// the file each record starts. Blank lines are skipped. A quote inside an unquoted field is kept as a character, as
/// spreadsheet exports write them.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader, char delimiter, int linesBefore)
{
    private readonly char[] _buffer = new char[64 * 1024];
    private readonly StringBuilder _field = new();
    private int _length;
    private int _position;
    private int _line = linesBefore;

    /// <summary>The delimiter of a header line: the most frequent of comma, semicolon and tab; null when none occurs.</summary>
    public static char? GuessDelimiter(string header)
    {
        var best = ((char?)null, 0);
        foreach (var candidate in new[] { ',', ';', '\t' })
        {
            var count = header.Count(c => c == candidate);
            if (count > best.Item2)
            {
                best = (candidate, count);
            }
        }
        return best.Item1;
    }

    /// <summary>Splits one line that holds a whole record (a header).</summary>
    public static List<string> SplitLine(string line, char delimiter)
    {
        var reader = new CsvRecordReader(new StringReader(line), delimiter, 0);
        return reader.TryRead(out var fields, out _) ? fields : [""];
    }

    /// <summary>The next record and the 1-based line it starts on; false at the end of the file.</summary>
    public bool TryRead(out List<string> fields, out int line)
    {
        fields = [];
        line = 0;
        while (true)
        {
            if (!Fill())
            {
                return false;
            }
            var c = _buffer[_position];
            if (c is '\n' or '\r')
            {
                // A blank line (or the \n of a \r\n already ended): not a record.
                _position++;
                if (c == '\n')
                {
                    _line++;
                }
                continue;
            }
            break;
        }
        line = _line + 1;
        var quoted = false;
        var fieldStarted = false;
        _field.Clear();
        while (Fill())
        {
            var c = _buffer[_position++];
            if (quoted)
            {
                if (c == '"')
                {
                    if (Fill() && _buffer[_position] == '"')
                    {
                        _field.Append('"');
                        _position++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        _line++;
                    }
                    _field.Append(c);
                }
            }
            else if (c == '"' && !fieldStarted)
            {
                quoted = true;
                fieldStarted = true;
            }
            else if (c == delimiter)
            {
                fields.Add(_field.ToString());
                _field.Clear();
                fieldStarted = false;
            }
            else if (c == '\n')
            {
                _line++;
                fields.Add(_field.ToString());
                return true;
            }
            else if (c != '\r')
            {
                _field.Append(c);
                fieldStarted = true;
            }
        }
        // The last record of a file without a final line break (or with an unclosed quote, which takes the rest).
        _line++;
        fields.Add(_field.ToString());
        return true;
    }

    private bool Fill()
    {
        if (_position < _length)
        {
            return true;
        }
        _length = reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }
}
