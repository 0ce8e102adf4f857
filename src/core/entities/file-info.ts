/** One entry of an artifact listing; directories carry no size. */
export interface FileInfo {
  path: string;
  is_dir: boolean;
  file_size?: number;
}
