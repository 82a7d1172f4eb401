/** Models slice: the built-in catalogue, the user's imported models and which models take part. */
import type { StateCreator } from 'zustand';
import type { AllState, ModelsSlice } from '../types';
import type { StoreDeps } from '../deps';
import { describeError } from '../../services/errors';


export const createModelsSlice = (deps: StoreDeps): StateCreator<AllState, [], [], ModelsSlice> => (set, get) => ({
  builtins: { status: 'idle', tasks: [], message: null },
  imported: [],
  excluded: [],
  importStatus: { state: 'idle', message: null, action: null },
  previews: {},
  loadPreview: async (task) => {
    if (get().previews[task]) return;
    const put = (v: ModelsSlice['previews'][string]) => set((s) => ({ previews: { ...s.previews, [task]: v } }));
    put({ status: 'loading', preview: null });
    try {
      const preview = await deps.services.loadPreview(task);
      put({ status: preview ? 'ready' : 'missing', preview });
    } catch {
      // A preview is decoration: a broken data file shows up where the data is used, with its message.
      put({ status: 'error', preview: null });
    }
  },
  loadBuiltins: async () => {
    if (get().builtins.status === 'loading') return;
    set({ builtins: { status: 'loading', tasks: [], message: null } });
    try {
      const cat = await deps.services.loadBuiltins();
      set({ builtins: cat.status === 'ready'
        ? { status: 'ready', tasks: cat.tasks, message: null }
        : { status: 'missing', tasks: [], message: cat.message } });
    } catch (e) {
      const v = describeError(e);
      set({ builtins: { status: 'error', tasks: [], message: v.message } });
      get().reportError({ title: 'The built-in models could not be read', message: v.message, action: v.action, source: 'app' });
    }
  },
  importFiles: async (files) => {
    set({ importStatus: { state: 'importing', message: null, action: null } });
    try {
      const model = await deps.services.importModel(files);
      const taken = new Set([...get().imported.map((m) => m.name), ...get().builtins.tasks.map((t) => t.name)]);
      let name = model.name;
      for (let i = 2; taken.has(name); i++) name = `${model.name}-${i}`;
      set((s) => ({ imported: [...s.imported, { ...model, name }], importStatus: { state: 'idle', message: null, action: null } }));
    } catch (e) {
      // Import problems are shown inline, next to the files, not as a toast.
      const v = describeError(e);
      set({ importStatus: { state: 'error', message: v.message, action: v.action } });
    }
  },
  removeImported: (name) =>
    set((s) => {
      // Its shape goes too: a later model imported under the same name must not inherit it.
      const { [name]: _gone, ...shapes } = s.shapes;
      return { imported: s.imported.filter((m) => m.name !== name), excluded: s.excluded.filter((n) => n !== name), shapes };
    }),
  setIncluded: (name, included) =>
    set((s) => ({ excluded: included ? s.excluded.filter((n) => n !== name) : [...new Set([...s.excluded, name])] })),
});

/** Names of every model that takes part (built-in tasks with a trained model and imported models, minus the excluded ones). */
export function includedModels(s: Pick<AllState, 'builtins' | 'imported' | 'excluded'>): string[] {
  const all = [...s.builtins.tasks.filter((t) => t.modelUrl !== null).map((t) => t.name), ...s.imported.map((m) => m.name)];
  return all.filter((n) => !s.excluded.includes(n));
}
