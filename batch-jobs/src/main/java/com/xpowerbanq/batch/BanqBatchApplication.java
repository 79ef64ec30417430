package com.xpowerbanq.batch;

import com.xpowerbanq.batch.cli.CommandLine;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** banq-batch: the index and keeper jobs of XPower Banq, launched from the command line. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BanqBatchApplication {

    public static void main(String[] args) {
        System.exit(CommandLine.run(args));
    }
}
