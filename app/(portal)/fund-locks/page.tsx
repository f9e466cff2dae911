import { NotBuiltPage, notBuiltMetadata } from "@/components/shell/not-built";

export const generateMetadata = () => notBuiltMetadata("fundLocks");

export default function Page() {
  return <NotBuiltPage id="fundLocks" />;
}
