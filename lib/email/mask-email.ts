/** An address shown to someone who may not own it, or written to logs: "alice@x.com" → "a***@x.com". */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf("@");
  return at > 0 ? `${address[0]}***${address.slice(at)}` : "***";
}
