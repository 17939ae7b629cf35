/**
 * The mark: people seated in a circle, one of them holding the talking piece.
 * Decorative; the product name beside it carries the meaning.
 */
export function Logo() {
  const seats = 8;
  const dots = Array.from({ length: seats }, (_, index) => {
    const angle = (index / seats) * 2 * Math.PI - Math.PI / 2;
    return { cx: 16 + 11 * Math.cos(angle), cy: 16 + 11 * Math.sin(angle), holder: index === 0 };
  });
  return (
    <svg
      className="logo"
      viewBox="0 0 32 32"
      width="32"
      height="32"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="16" cy="16" r="11" fill="none" className="logo__ring" strokeWidth="1.5" />
      {dots.map((dot) => (
        <circle
          key={`${dot.cx.toFixed(2)}-${dot.cy.toFixed(2)}`}
          cx={dot.cx}
          cy={dot.cy}
          r={dot.holder ? 3.6 : 2.6}
          className={dot.holder ? 'logo__holder' : 'logo__seat'}
        />
      ))}
    </svg>
  );
}
