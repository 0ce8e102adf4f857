import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
// The DOM RouterProvider lets URL updates opt into flushSync (see use-runs-view-state.ts).
import { RouterProvider } from "react-router/dom";
import type { createAppRouter } from "./app/create-app-router.js";

interface Props {
  queryClient: QueryClient;
  router: ReturnType<typeof createAppRouter>;
}

/** The UI: one query client (server state) and the router (view state lives in its URLs). */
export function App({ queryClient, router }: Props) {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
