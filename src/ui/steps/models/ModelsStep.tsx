/** Step 1: the built-in tasks and the user's own models. Eager (first thing shown), no charts. */
import { useApp } from '../../state/appStore';
import { StepIntro } from '../../components/StepIntro';
import { Empty } from '../../components/Empty';
import { TaskCard } from './TaskCard';
import { ImportCard } from './ImportCard';

export function ModelsStep() {
  const builtins = useApp((s) => s.builtins);

  return (
    <div className="stack">
      <StepIntro title="Models">
        The networks to compress together: built-in image, audio and sensor tasks, and your own TensorFlow.js models.
      </StepIntro>
      <section aria-labelledby="builtin-title" className="stack-sm">
        <h2 id="builtin-title" className="visually-hidden">Built-in tasks</h2>
        {builtins.status === 'ready' ? (
          <div className="grid grid-4 task-grid">
            {builtins.tasks.map((t) => <TaskCard key={t.name} task={t} />)}
          </div>
        ) : builtins.status === 'missing' ? (
          <Empty title="No built-in tasks yet" minHeight={300}>{builtins.message}</Empty>
        ) : builtins.status === 'error' ? (
          <Empty title="The built-in tasks could not be read" minHeight={300}>{builtins.message}</Empty>
        ) : (
          <div className="grid grid-4 task-grid" aria-busy="true">
            {[0, 1, 2, 3].map((i) => <div key={i} className="card task-card skeleton" />)}
          </div>
        )}
      </section>
      <ImportCard />
    </div>
  );
}
