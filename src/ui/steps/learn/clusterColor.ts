/** A distinct colour per codeword (golden-angle hues), the same in the matrix and the scatter. */
export function clusterColor(j: number): string {
  return `hsl(${Math.round((j * 137.508) % 360)} 68% 46%)`;
}
