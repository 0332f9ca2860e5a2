using Lucene.Net.Analysis.CharFilters;

namespace SearchApi.Core.Analysis;

/// <summary>
/// Folds <see cref="StyledLetters"/> to plain letters before tokenising, so "𝐋𝐚𝐯𝐫𝐨𝐯" is indexed and searched as
/// "Lavrov"; offsets are corrected back to the original text (a styled letter outside the Basic Multilingual Plane is
/// two characters there and one here), so highlights mark the styled letters themselves.
/// </summary>
public sealed class StyledLetterCharFilter : BaseCharFilter
{
    private const int BufferSize = 4096;
    private readonly char[] _buffer = new char[BufferSize];
    private int _length;
    private int _position;
    private bool _inputEnded;
    private int _written;
    private int _dropped;

    public StyledLetterCharFilter(TextReader input) : base(input)
    {
    }

    public override int Read(char[] buffer, int index, int count)
    {
        var written = 0;
        while (written < count)
        {
            // Keep two characters at hand, so a surrogate pair is never seen half.
            if (_length - _position < 2 && !_inputEnded) Fill();
            if (_position >= _length) break;
            var c = _buffer[_position];
            if (c < StyledLetters.First)
            {
                buffer[index + written++] = c;
                _position++;
                continue;
            }
            if (char.IsHighSurrogate(c) && _position + 1 < _length && char.IsLowSurrogate(_buffer[_position + 1])
                && StyledLetters.Fold(char.ConvertToUtf32(c, _buffer[_position + 1])) is { } plain)
            {
                buffer[index + written++] = plain;
                _position += 2;
                _dropped++;
                // Output offsets after this character are one further along in the input.
                AddOffCorrectMap(_written + written, _dropped);
                continue;
            }
            buffer[index + written++] = StyledLetters.Fold(c) ?? c;
            _position++;
        }
        _written += written;
        return written == 0 && count > 0 ? -1 : written;
    }

    public override int Read()
    {
        var one = new char[1];
        return Read(one, 0, 1) <= 0 ? -1 : one[0];
    }

    private void Fill()
    {
        var remaining = _length - _position;
        Array.Copy(_buffer, _position, _buffer, 0, remaining);
        _length = remaining;
        _position = 0;
        var read = m_input.Read(_buffer, _length, _buffer.Length - _length);
        if (read <= 0) _inputEnded = true;
        else _length += read;
    }
}
