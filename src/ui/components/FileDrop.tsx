/**
 * A drop zone with a file picker: drag files onto it or choose them. Hands the files to `onFiles`;
 * keyboard users use the button.
 */
import { useRef, useState } from 'react';
import type { DragEvent, ReactNode } from 'react';

export interface FileDropProps {
  /** Accessible name of the picker button, e.g. "Import model". */
  label: string;
  accept?: string;
  multiple?: boolean;
  disabled?: boolean;
  onFiles: (files: File[]) => void;
  children?: ReactNode;
}

export function FileDrop({ label, accept, multiple = true, disabled, onFiles, children }: FileDropProps) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (disabled) return;
    const files = Array.from(e.dataTransfer.files);
    if (files.length) onFiles(files);
  };
  return (
    <div
      className={`dropzone${over ? ' over' : ''}`}
      onDragOver={(e) => { e.preventDefault(); setOver(true); }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <div className="stack-sm" style={{ alignItems: 'center' }}>
        {children}
        <button type="button" className="btn btn-primary" disabled={disabled} onClick={() => input.current?.click()}>{label}</button>
        <input
          ref={input}
          type="file"
          hidden
          accept={accept}
          multiple={multiple}
          aria-label={`${label} files`}
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            if (files.length) onFiles(files);
          }}
        />
      </div>
    </div>
  );
}
