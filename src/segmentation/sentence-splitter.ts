/**
 * Placeholder contract for the sentence splitter; the real implementation replaces this file's body.
 * Offsets are Unicode code-point offsets into `text` (end exclusive).
 */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
  /** 1-based paragraph number; paragraphs are separated by one or more line breaks. */
  paragraph: number;
}

export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const codePoints = Array.from(text);
  let paragraph = 0;
  let lineStart = 0;
  for (let i = 0; i <= codePoints.length; i++) {
    if (i === codePoints.length || codePoints[i] === '\n' || codePoints[i] === '\r') {
      const line = codePoints.slice(lineStart, i).join('');
      if (line.trim()) {
        paragraph++;
        const lead = line.length - line.trimStart().length;
        const trimmed = line.trim();
        spans.push({ text: trimmed, start: lineStart + Array.from(line.slice(0, lead)).length, end: lineStart + Array.from(line.slice(0, lead)).length + Array.from(trimmed).length, paragraph });
      }
      lineStart = i + 1;
    }
  }
  return spans;
}
