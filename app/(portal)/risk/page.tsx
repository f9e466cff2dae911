import { NotBuiltPage, notBuiltMetadata } from "@/components/shell/not-built";

export const generateMetadata = () => notBuiltMetadata("risk");

export default function Page() {
  return <NotBuiltPage id="risk" />;
}
