import { NotBuiltPage, notBuiltMetadata } from "@/components/shell/not-built";

export const generateMetadata = () => notBuiltMetadata("health");

export default function Page() {
  return <NotBuiltPage id="health" />;
}
