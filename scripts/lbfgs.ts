// L-BFGS (Nocedal & Wright, algorithm 7.4): the optimiser training fits the reader's weights with
// (scripts/training.ts; why no library: README, How the plain text is read).

/** Minimises a smooth function with L-BFGS (Nocedal & Wright, algorithm 7.4) and a backtracking line search. */
export function lbfgs(f: (x: Float64Array) => { value: number; gradient: Float64Array }, start: Float64Array, iterations = 400, memory = 10): Float64Array {
  let x = Float64Array.from(start);
  let { value, gradient } = f(x);
  const steps: { s: Float64Array; y: Float64Array; rho: number }[] = [];
  const dotp = (a: Float64Array, b: Float64Array) => a.reduce((sum, v, i) => sum + v * b[i]!, 0);
  for (let iteration = 0; iteration < iterations; iteration++) {
    if (Math.sqrt(dotp(gradient, gradient)) < 1e-6) break;
    // Two-loop recursion: the direction -H·g.
    const q = Float64Array.from(gradient);
    const alphas: number[] = [];
    for (let j = steps.length - 1; j >= 0; j--) {
      const { s, y, rho } = steps[j]!;
      const a = rho * dotp(s, q);
      alphas[j] = a;
      for (let k = 0; k < q.length; k++) q[k] = q[k]! - a * y[k]!;
    }
    const last = steps[steps.length - 1];
    const scale = last ? dotp(last.s, last.y) / dotp(last.y, last.y) : 1 / Math.max(1, Math.sqrt(dotp(gradient, gradient)));
    for (let k = 0; k < q.length; k++) q[k] = q[k]! * scale;
    for (let j = 0; j < steps.length; j++) {
      const { s, y, rho } = steps[j]!;
      const b = rho * dotp(y, q);
      for (let k = 0; k < q.length; k++) q[k] = q[k]! + s[k]! * (alphas[j]! - b);
    }
    const direction = q.map((v) => -v);
    let slope = dotp(direction, gradient);
    if (slope >= 0) {
      // Not a descent direction: start afresh along the gradient.
      steps.length = 0;
      for (let k = 0; k < q.length; k++) direction[k] = -gradient[k]!;
      slope = dotp(direction, gradient);
    }
    let step = 1;
    let next = x;
    let evaluated = { value, gradient };
    for (let tries = 0; tries < 40; tries++) {
      next = x.map((v, k) => v + step * direction[k]!);
      evaluated = f(next);
      if (evaluated.value <= value + 1e-4 * step * slope) break;
      step /= 2;
    }
    const s = next.map((v, k) => v - x[k]!);
    const y = evaluated.gradient.map((v, k) => v - gradient[k]!);
    const sy = dotp(s, y);
    if (sy > 1e-12) {
      steps.push({ s, y, rho: 1 / sy });
      if (steps.length > memory) steps.shift();
    }
    const improvement = value - evaluated.value;
    x = next;
    value = evaluated.value;
    gradient = evaluated.gradient;
    if (improvement >= 0 && improvement < 1e-9 * Math.max(1, Math.abs(value))) break;
  }
  return x;
}
