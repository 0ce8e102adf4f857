import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
// The DOM RouterProvider lets URL updates opt into flushSync (see use-runs-view-state.ts).
import { RouterProvider } from "react-router/dom";
import { createAppRouter } from "./app/create-app-router.js";
import { createQueryClient } from "./lib/query-client.js";

/** The UI: one query client (server state) and the router (view state lives in its URLs). */
export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createAppRouter(queryClient));
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
