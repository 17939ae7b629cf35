import { logGamma } from './gamma.ts';

// The standard normal distribution. Its quantile function gives the z of Wilson, Newcombe and
// effect-size intervals at any confidence: Wichura's algorithm AS 241 (PPND16, Applied
// Statistics 37(3), 1988), rational approximations in three ranges with relative error about
// 1e-16, so no refinement step is needed (Acklam's, the other common choice, stops near 1e-9).
// Its CDF, through the incomplete gamma function, serves Student's t at huge df and lets the
// tests check the quantile against an independent computation.

const centralNumerator = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987,
  67265.7709270087, 33430.57558358813, 2509.0809287301227,
];
const centralDenominator = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271,
  28729.085735721943, 5226.495278852854,
];
const middleNumerator = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684,
  0.2417807251774506, 0.022723844989269184, 0.0007745450142783414,
];
const middleDenominator = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008,
  0.015198666563616457, 0.0005475938084995345, 1.0507500716444169e-9,
];
const farNumerator = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487,
  0.026532189526576124, 0.0012426609473880784, 0.000027115555687434876, 2.0103343992922881e-7,
];
const farDenominator = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133,
  0.000018463183175100548, 1.421511758316446e-7, 2.0442631033899397e-15,
];

/** c[0] + c[1] x + c[2] x^2 + ..., by Horner's rule. */
function polynomial(coefficients: readonly number[], x: number): number {
  let sum = 0;
  for (let index = coefficients.length - 1; index >= 0; index -= 1) {
    sum = sum * x + (coefficients[index] ?? 0);
  }
  return sum;
}

/** The x with P(Z <= x) = p for a standard normal Z; -Infinity at 0 and Infinity at 1. */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`a probability lies in [0, 1], got ${p}`);
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(centralNumerator, r)) / polynomial(centralDenominator, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x = polynomial(middleNumerator, r) / polynomial(middleDenominator, r);
  } else {
    r -= 5;
    x = polynomial(farNumerator, r) / polynomial(farDenominator, r);
  }
  return q < 0 ? -x : x;
}

/**
 * P(a, x), the regularized lower incomplete gamma function, and Q = 1 - P, by its series for
 * x < a + 1 and its continued fraction otherwise (Numerical Recipes, 3rd ed., section 6.2).
 * Each is returned directly so that a small tail keeps its relative precision.
 */
function incompleteGamma(a: number, x: number): { lower: number; upper: number } {
  if (x <= 0) return { lower: 0, upper: 1 };
  const front = Math.exp(-x + a * Math.log(x) - logGamma(a));
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10_000 && Math.abs(term) > Math.abs(sum) * 1e-16; n += 1) {
      term *= x / (a + n);
      sum += term;
    }
    const lower = sum * front;
    return { lower, upper: 1 - lower };
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i += 1) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-16) break;
  }
  const upper = front * h;
  return { lower: 1 - upper, upper };
}

/** P(Z <= x) for a standard normal Z: 1/2 + sign(x) P(1/2, x^2/2) / 2. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) throw new RangeError('x is NaN');
  if (x === Number.POSITIVE_INFINITY) return 1;
  if (x === Number.NEGATIVE_INFINITY) return 0;
  const tail = incompleteGamma(0.5, (x * x) / 2).upper / 2;
  return x < 0 ? tail : 1 - tail;
}

/** The standard normal density. */
export function normalDensity(x: number): number {
  return Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
}
