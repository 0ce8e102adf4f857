import { useState, type FormEvent } from "react";
import { useCreateExperiment } from "../../api/experiments/experiment-mutations.js";
import { ErrorBanner } from "../../components/error-banner.js";

/** "New experiment" opens an inline name field; errors (e.g. a taken name) show the server's message. */
export function CreateExperimentForm() {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const create = useCreateExperiment();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    create.mutate(trimmed, {
      onSuccess: () => {
        setName("");
        setOpen(false);
      },
    });
  };

  if (!open) {
    return (
      <button type="button" className="btn btn-primary" onClick={() => setOpen(true)}>
        New experiment
      </button>
    );
  }
  return (
    <form className="create-experiment" onSubmit={submit}>
      <input
        className="input"
        autoFocus
        placeholder="Experiment name"
        aria-label="New experiment name"
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          // The server's refusal was about the name that was sent; an edited one has not been refused.
          if (create.isError) create.reset();
        }}
        onKeyDown={(e) => {
          if (e.key === "Escape") setOpen(false);
        }}
      />
      <button type="submit" className="btn btn-primary" disabled={!name.trim() || create.isPending}>
        {create.isPending ? "Creating…" : "Create"}
      </button>
      <button type="button" className="btn btn-ghost" onClick={() => setOpen(false)}>
        Cancel
      </button>
      {create.isError && <ErrorBanner error={create.error} />}
    </form>
  );
}
