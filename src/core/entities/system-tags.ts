/** Tags MLflow gives meaning to (mlflow/utils/mlflow_tags.py). */
export const SystemTags = {
  RUN_NAME: "mlflow.runName",
  USER: "mlflow.user",
  SOURCE_NAME: "mlflow.source.name",
  SOURCE_TYPE: "mlflow.source.type",
  GIT_COMMIT: "mlflow.source.git.commit",
  GIT_BRANCH: "mlflow.source.git.branch",
  GIT_REPO_URL: "mlflow.source.git.repoURL",
  PARENT_RUN_ID: "mlflow.parentRunId",
  NOTE: "mlflow.note.content",
  LOG_MODEL_HISTORY: "mlflow.log-model.history",
  DATASET_CONTEXT: "mlflow.data.context",
} as const;
