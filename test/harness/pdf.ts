/**
 * The text drawn in an uncompressed pdfkit file, one line per TJ operator:
 * the operators' hex strings decoded as WinAnsi (0x80 is the euro sign).
 */
export function pdfText(pdf: Buffer): string {
  const lines: string[] = [];
  for (const tj of pdf.toString('latin1').matchAll(/\[([^\]]*)\] TJ/g)) {
    const hex = [...(tj[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]).join('');
    lines.push(Buffer.from(hex, 'hex').toString('latin1').replaceAll('\x80', '€'));
  }
  return lines.join('\n');
}
