/** The public page that verifies a certificate by its code (the QR code's target). */
export function verificationUrl(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/verify/${code}`;
}
