import { NotBuiltPage, notBuiltMetadata } from "@/components/shell/not-built";

export const generateMetadata = () => notBuiltMetadata("jobs");

export default function Page() {
  return <NotBuiltPage id="jobs" />;
}
