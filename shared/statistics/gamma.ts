// ln Gamma, which the normal CDF (incomplete gamma) and Student's t (incomplete beta) share.

// Lanczos approximation of ln Gamma (g = 7, nine coefficients; relative error about 1e-15).
const lanczos = [
  0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
  12.507343278686905, -0.13857109526572012, 0.000009984369578019572, 1.5056327351493116e-7,
];

/** ln Gamma(x) for x > 0. */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma needs x > 0, got ${x}`);
  // Reflection keeps the series where it is accurate: Gamma(x) Gamma(1 - x) = pi / sin(pi x).
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const shifted = x - 1;
  let sum = lanczos[0] ?? 0;
  for (let index = 1; index < lanczos.length; index += 1) {
    sum += (lanczos[index] ?? 0) / (shifted + index);
  }
  const t = shifted + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(sum);
}
