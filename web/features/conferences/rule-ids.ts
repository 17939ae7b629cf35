// A new harm category needs an id the API takes (2 to 40 of a-z, 0-9 and _), unique in its
// program; it is made from the name the coordinator typed, so that it reads as what it is.

/** An id for a new category from its name: "Noise at night" → "noise_at_night", unique. */
export function ruleIdFor(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 36) || 'category';
  const padded = base.length < 2 ? `${base}_category` : base;
  let id = padded;
  for (let n = 2; taken.has(id); n += 1) id = `${padded}_${n}`;
  return id;
}
