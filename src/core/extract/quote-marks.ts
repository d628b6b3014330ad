/**
 * Some papers (the New York Times among them) write quotation marks as two apostrophes:
 * ''Yes,'' he said. Each pair becomes one straight double mark and a space, on the side
 * away from the quoted words, so every rule reads one kind of mark and offsets stay put.
 * Three apostrophes are a single quote closing or opening inside the double one: 'Fox,'''
 */
export function withDoubledApostrophesAsMarks(text: string): string {
  return text.replace(/'''?/g, (marks: string, at: number) => {
    const opens = opensQuote(text, at, marks.length);
    if (marks.length === 2) return opens ? " \"" : "\" ";
    return opens ? " \"'" : "'\" ";
  });
}

function opensQuote(text: string, at: number, length: number): boolean {
  const before = text[at - 1] ?? "\n";
  const after = text[at + length] ?? "\n";
  return /[\s([{—–-]/.test(before) && !/\s/.test(after);
}
