import { NotBuiltPage, notBuiltMetadata } from "@/components/shell/not-built";

export const generateMetadata = () => notBuiltMetadata("apiKeys");

export default function Page() {
  return <NotBuiltPage id="apiKeys" />;
}
