/** The app frame: header, the six step tabs, the current step's panel and the error area. */
import { StepTabs } from './shell/StepTabs';
import { StepPanel } from './shell/StepPanel';
import { ErrorArea } from './shell/ErrorArea';
import { SaveIndicator } from './shell/SaveIndicator';
import { useHashSync } from './shell/useHashSync';
import { usePersistFlush } from './shell/usePersistFlush';
import { useBuiltins } from './shell/useBuiltins';
import { KmeansDemo } from './dev/KmeansDemo';
import { InterruptedRun } from './shell/InterruptedRun';

export function App() {
  useHashSync();
  usePersistFlush();
  useBuiltins();
  return (
    <div className="app">
      <header className="app-header">
        <h1>YONO Workbench</h1>
        <span className="tagline">Several networks, shared product-quantization codebooks, one microcontroller</span>
        <span className="status">
          <SaveIndicator />
          <span className="isolation" data-testid="isolation">
            {globalThis.crossOriginIsolated ? 'cross-origin isolated' : 'not isolated'}
          </span>
        </span>
      </header>
      <nav aria-label="Steps">
        <StepTabs />
      </nav>
      <main>
        <InterruptedRun />
        <StepPanel />
      </main>
      <footer className="app-footer" aria-label="Developer tools">
        <KmeansDemo />
      </footer>
      <ErrorArea />
    </div>
  );
}
