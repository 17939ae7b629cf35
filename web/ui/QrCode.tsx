import { useMemo } from 'react';
import { encode } from 'uqr';
import './qr-code.css';

/**
 * A QR code drawn in the browser as one SVG path: what it holds (a secret, say) never leaves
 * the page for an image service. Dark on a white plate in both colour themes, with the quiet
 * zone scanners need.
 */
export function QrCode({ value, label }: { value: string; label: string }) {
  const { path, size } = useMemo(() => {
    const qr = encode(value, { ecc: 'M', border: 4 });
    const parts: string[] = [];
    qr.data.forEach((row, y) => {
      row.forEach((dark, x) => {
        if (dark) parts.push(`M${x} ${y}h1v1h-1z`);
      });
    });
    return { path: parts.join(''), size: qr.size };
  }, [value]);
  return (
    <svg
      className="qr-code"
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} className="qr-code__plate" />
      <path d={path} className="qr-code__modules" />
    </svg>
  );
}
