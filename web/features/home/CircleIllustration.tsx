const seats = 10;
const centre = 120;
const radius = 84;

const positions = Array.from({ length: seats }, (_, index) => {
  const angle = (index / seats) * 2 * Math.PI - Math.PI / 2;
  return {
    id: `seat-${index}`,
    x: centre + radius * Math.cos(angle),
    y: centre + radius * Math.sin(angle),
    holder: index === 0,
  };
});

/**
 * A circle of seats, one of them holding the talking piece: the idea of the product drawn
 * plainly. Decorative, so hidden from assistive technology.
 */
export function CircleIllustration() {
  return (
    <svg
      className="circle-illustration"
      viewBox="0 0 240 240"
      width="240"
      height="240"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx={centre} cy={centre} r={radius + 28} className="circle-illustration__halo" />
      <circle
        cx={centre}
        cy={centre}
        r={radius}
        className="circle-illustration__ring"
        fill="none"
        strokeWidth="2"
        strokeDasharray="2 6"
        strokeLinecap="round"
      />
      <circle cx={centre} cy={centre} r={22} className="circle-illustration__centre" />
      {positions.map((seat) => (
        <circle
          key={seat.id}
          cx={seat.x}
          cy={seat.y}
          r={seat.holder ? 17 : 13}
          className={seat.holder ? 'circle-illustration__holder' : 'circle-illustration__seat'}
        />
      ))}
    </svg>
  );
}
