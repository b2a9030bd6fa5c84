/**
 * One CSV cell as spreadsheets should read it. Text that begins with `=`, `+`, `-`, `@`, a tab or a carriage return
 * is a formula to Excel, LibreOffice and Google Sheets (CSV injection), so it gets a leading `'`; that includes a
 * negative number written as text. Null is an empty cell; booleans are true/false.
 */
export function guardCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
