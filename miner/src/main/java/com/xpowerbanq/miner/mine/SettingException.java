package com.xpowerbanq.miner.mine;

/**
 * A missing or malformed setting of the miner's environment. The message names the setting and what
 * it expects; it never carries the value of a secret.
 */
public final class SettingException extends RuntimeException {
    private final String setting;
    private final int exitStatus;

    SettingException(String setting, int exitStatus, String message) {
        super(message);
        this.setting = setting;
        this.exitStatus = exitStatus;
    }

    static SettingException missing(String setting, String message) {
        return new SettingException(setting, 64, message);
    }

    static SettingException malformed(String setting, String message) {
        return new SettingException(setting, 65, message);
    }

    public String setting() {
        return setting;
    }

    /** 64 when the setting is missing, 65 when its value is malformed. */
    public int exitStatus() {
        return exitStatus;
    }
}
