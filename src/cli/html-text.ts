/** Text and attribute values for the HTML report: every character that could open markup is escaped. */
const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escape(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => ESCAPES[c]);
}
