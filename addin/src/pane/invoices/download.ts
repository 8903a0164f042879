/**
 * Offer text as a file download. A UTF-8 byte order mark goes first when missing, so that
 * Excel opens "Södertälje" as Södertälje rather than guessing the encoding.
 */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const body = text.startsWith('\uFEFF') ? text : `\uFEFF${text}`;
  const url = URL.createObjectURL(new Blob([body], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled; the download holds its own reference.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
