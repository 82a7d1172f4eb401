/**
 * Layout of a model's layer graph, top to bottom like Netron: each layer on the row after its deepest
 * input (longest path from the input), layers of one row side by side in model order; weight layers get
 * tall boxes, the others short pills. Pure.
 */

export interface GraphLayer { name: string; inputs: string[]; weight: boolean }

export interface GraphNode { name: string; x: number; y: number; w: number; h: number; weight: boolean }
export interface GraphEdge { from: string; to: string; x1: number; y1: number; x2: number; y2: number }
export interface GraphLayout { nodes: GraphNode[]; edges: GraphEdge[]; width: number; height: number }

export const NODE = { w: 250, tall: 64, short: 26, gapX: 24, gapY: 18, pad: 8 } as const;

/** Rows and positions of every layer; inputs that are not layers of the list are ignored. */
export function layoutGraph(layers: GraphLayer[]): GraphLayout {
  const index = new Map(layers.map((l, i) => [l.name, i]));
  const depth = new Array<number>(layers.length).fill(0);
  // Layers come in topological order in the IR (inputs first); a forward pass gives the longest path.
  layers.forEach((l, i) => {
    for (const inp of l.inputs) {
      const j = index.get(inp);
      if (j !== undefined && j < i) depth[i] = Math.max(depth[i], depth[j] + 1);
    }
  });
  const rows = Math.max(0, ...depth) + 1;
  const byRow: number[][] = Array.from({ length: rows }, () => []);
  layers.forEach((_, i) => byRow[depth[i]].push(i));
  const cols = Math.max(1, ...byRow.map((r) => r.length));
  const width = NODE.pad * 2 + cols * NODE.w + (cols - 1) * NODE.gapX;
  const nodes: GraphNode[] = new Array(layers.length);
  let y = NODE.pad;
  for (const row of byRow) {
    const h = Math.max(...row.map((i) => (layers[i].weight ? NODE.tall : NODE.short)));
    const rowW = row.length * NODE.w + (row.length - 1) * NODE.gapX;
    let x = (width - rowW) / 2;
    for (const i of row) {
      const nh = layers[i].weight ? NODE.tall : NODE.short;
      nodes[i] = { name: layers[i].name, x, y: y + (h - nh) / 2, w: NODE.w, h: nh, weight: layers[i].weight };
      x += NODE.w + NODE.gapX;
    }
    y += h + NODE.gapY;
  }
  const edges: GraphEdge[] = [];
  layers.forEach((l, i) => {
    for (const inp of l.inputs) {
      const j = index.get(inp);
      if (j === undefined) continue;
      const a = nodes[j]; const b = nodes[i];
      edges.push({ from: inp, to: l.name, x1: a.x + a.w / 2, y1: a.y + a.h, x2: b.x + b.w / 2, y2: b.y });
    }
  });
  return { nodes, edges, width, height: y - NODE.gapY + NODE.pad };
}

/** Colour of a layer's format: one hue per codebook kind, int8 orange, float32 grey. */
export function formatColor(format: string, group: string | null): string {
  if (format === 'int8') return '#f4c29a';
  if (format === 'float32') return '#d5dae2';
  if (format !== 'pq' || !group) return '#eef1f5';
  if (group === 'fine') return '#c9b3e6';
  if (group === 'medium') return '#b9c7f0';
  if (group.startsWith('coarse-')) return group.endsWith('spatial') ? '#cfe3fb' : '#c8eee9';
  if (group.endsWith('spatial')) return '#9ec5f5';
  if (group.endsWith('pointwise')) return '#95dccf';
  return '#a9c4ef';
}
