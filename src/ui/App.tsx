import { KmeansDemo } from './dev/KmeansDemo';

export function App() {
  return (
    <main className="app">
      <header className="app-header">
        <h1>YONO Workbench</h1>
        <span className="isolation" data-testid="isolation">
          {globalThis.crossOriginIsolated ? 'cross-origin isolated' : 'not isolated'}
        </span>
      </header>
      <KmeansDemo />
    </main>
  );
}
