package com.xpowerbanq.miner.mine;

import com.xpowerbanq.schema.cli.ExitCode;
import com.xpowerbanq.schema.cli.ExitStatus;

/**
 * A missing or malformed setting of the miner's environment. The message names the setting and what
 * it expects; it never carries the value of a secret.
 */
public final class SettingException extends RuntimeException implements ExitStatus {
    private final String setting;
    private final ExitCode exitCode;

    SettingException(String setting, ExitCode exitCode, String message) {
        super(message);
        this.setting = setting;
        this.exitCode = exitCode;
    }

    static SettingException missing(String setting, String message) {
        return new SettingException(setting, ExitCode.USAGE, message);
    }

    static SettingException malformed(String setting, String message) {
        return new SettingException(setting, ExitCode.DATA, message);
    }

    public String setting() {
        return setting;
    }

    /** {@link ExitCode#USAGE} when the setting is missing, {@link ExitCode#DATA} when malformed. */
    @Override
    public ExitCode exitCode() {
        return exitCode;
    }

    /** The process exit status of {@link #exitCode()}: 64 or 65. */
    public int exitStatus() {
        return exitCode.code;
    }
}
