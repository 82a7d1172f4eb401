/** Hands a produced file to the browser as a download (no network: an object URL). */
import type { ExportedFile } from '../../core/report/exports';

export function download(f: ExportedFile): void {
  const blob = new Blob([f.bytes as BlobPart], { type: f.mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = f.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
