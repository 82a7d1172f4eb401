/** 3x3 rotation matrices, row-major Float64Array(9), angles in radians. */
export type Mat3 = Float64Array;

/** Rotation about the x axis. */
export function rotX(a: number): Mat3 {
  const c = Math.cos(a), s = Math.sin(a);
  return Float64Array.of(1, 0, 0, 0, c, -s, 0, s, c);
}

/** Rotation about the y axis (positive a turns +z towards +x). */
export function rotY(a: number): Mat3 {
  const c = Math.cos(a), s = Math.sin(a);
  return Float64Array.of(c, 0, s, 0, 1, 0, -s, 0, c);
}

/** Rotation about the z axis. */
export function rotZ(a: number): Mat3 {
  const c = Math.cos(a), s = Math.sin(a);
  return Float64Array.of(c, -s, 0, s, c, 0, 0, 0, 1);
}

/** a * b */
export function mul(a: Mat3, b: Mat3): Mat3 {
  const o = new Float64Array(9);
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) o[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
  }
  return o;
}

/** Transpose (= inverse for a rotation). */
export function transpose(a: Mat3): Mat3 {
  return Float64Array.of(a[0], a[3], a[6], a[1], a[4], a[7], a[2], a[5], a[8]);
}

/** Writes m * (x, y, z) into out[o..o+2]. */
export function apply(m: Mat3, x: number, y: number, z: number, out: Float32Array | Float64Array, o: number): void {
  out[o] = m[0] * x + m[1] * y + m[2] * z;
  out[o + 1] = m[3] * x + m[4] * y + m[5] * z;
  out[o + 2] = m[6] * x + m[7] * y + m[8] * z;
}

export const DEG = Math.PI / 180;
