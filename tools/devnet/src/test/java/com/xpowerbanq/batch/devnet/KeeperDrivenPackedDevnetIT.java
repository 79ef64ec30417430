package com.xpowerbanq.batch.devnet;

import com.xpowerbanq.schema.ContractRun;

/**
 * The keeper jobs drive a devnet of the v10c run (packed quotes, log index) as they drive v10a: the
 * same duties, calls and counts, under the run's own event topics and registry names. v10b has the
 * same contracts.
 */
class KeeperDrivenPackedDevnetIT extends KeeperDrivenDevnetIT {
    @Override
    ContractRun run() {
        return ContractRun.V10C;
    }
}
