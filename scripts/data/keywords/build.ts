export async function buildKeywords(_dataRoot: string): Promise<void> { throw new Error("keywords: not written yet"); }
