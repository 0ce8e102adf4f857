import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type { Experiment } from "../../../core/index.js";
import { apiClient } from "../../lib/api-client.js";
import { experimentKeys } from "./experiment-keys.js";

/** Lists and the detail of one experiment are the only queries an experiment mutation touches. */
async function invalidateExperiment(queryClient: QueryClient, experimentId?: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: experimentKeys.lists() }),
    experimentId ? queryClient.invalidateQueries({ queryKey: experimentKeys.detail(experimentId) }) : undefined,
  ]);
}

export function useCreateExperiment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiClient.call("createExperiment", { name }),
    onSuccess: () => invalidateExperiment(queryClient),
  });
}

interface RenameInput {
  experimentId: string;
  newName: string;
}

/** Optimistic: the new name shows at once and rolls back if the server refuses it. */
export function useRenameExperiment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ experimentId, newName }: RenameInput) => apiClient.call("updateExperiment", { experiment_id: experimentId, new_name: newName }),
    onMutate: async ({ experimentId, newName }: RenameInput) => {
      await queryClient.cancelQueries({ queryKey: experimentKeys.all });
      const lists = queryClient.getQueriesData<Experiment[]>({ queryKey: experimentKeys.lists() });
      const detail = queryClient.getQueryData<Experiment>(experimentKeys.detail(experimentId));
      const rename = (e: Experiment): Experiment => (e.experiment_id === experimentId ? { ...e, name: newName } : e);
      queryClient.setQueriesData<Experiment[]>({ queryKey: experimentKeys.lists() }, (list) => list?.map(rename));
      if (detail) queryClient.setQueryData(experimentKeys.detail(experimentId), rename(detail));
      return { lists, detail };
    },
    onError: (_error, { experimentId }, context) => {
      for (const [key, data] of context?.lists ?? []) queryClient.setQueryData(key, data);
      if (context?.detail) queryClient.setQueryData(experimentKeys.detail(experimentId), context.detail);
    },
    onSettled: (_data, _error, { experimentId }) => invalidateExperiment(queryClient, experimentId),
  });
}

export function useDeleteExperiment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (experimentId: string) => apiClient.call("deleteExperiment", { experiment_id: experimentId }),
    onSettled: (_data, _error, experimentId) => invalidateExperiment(queryClient, experimentId),
  });
}

export function useRestoreExperiment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (experimentId: string) => apiClient.call("restoreExperiment", { experiment_id: experimentId }),
    onSettled: (_data, _error, experimentId) => invalidateExperiment(queryClient, experimentId),
  });
}
