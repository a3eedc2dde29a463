/**
 * P(X ≥ k) for X ~ Poisson(mu), summed upward from k in log space, so tiny tails (1e-12) stay accurate
 * where 1 − CDF would round to 0.
 * @example poissonUpperTail(12, 4) // ≈ 0.00092
 */
export function poissonUpperTail(k: number, mu: number): number {
  if (k <= 0) return 1;
  if (mu <= 0) return 0;
  let term = Math.exp(-mu + k * Math.log(mu) - logFactorial(k));
  let sum = 0;
  for (let i = k; i < k + 10_000; i++) {
    sum += term;
    term *= mu / (i + 1);
    // past the mode the terms shrink geometrically; stop once they no longer change the sum
    if (i > mu && term < sum * 1e-15) break;
  }
  return Math.min(1, sum);
}

/**
 * P(X ≥ k) for X ~ Binomial(n, p), summed upward from k in log space.
 * @example binomialUpperTail(5, 5, 1 / 29) // ≈ 4.9e-8
 */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n || p <= 0) return 0;
  if (p >= 1) return 1;
  const lp = Math.log(p);
  const lq = Math.log1p(-p);
  let sum = 0;
  for (let i = k; i <= n; i++) {
    const term = Math.exp(logFactorial(n) - logFactorial(i) - logFactorial(n - i) + i * lp + (n - i) * lq);
    sum += term;
    if (i > n * p && term < sum * 1e-15) break;
  }
  return Math.min(1, sum);
}

/** ln(n!) exactly for small n, by Stirling's series beyond (error < 1e-10 for n ≥ 30). */
export function logFactorial(n: number): number {
  if (n < 30) {
    let s = 0;
    for (let i = 2; i <= n; i++) s += Math.log(i);
    return s;
  }
  return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + 1 / (12 * n) - 1 / (360 * n ** 3);
}
