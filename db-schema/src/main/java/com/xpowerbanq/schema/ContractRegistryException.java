package com.xpowerbanq.schema;

/** A contract registry that cannot be found or read, with the file and line to fix. */
public final class ContractRegistryException extends RuntimeException {

    public ContractRegistryException(String message) {
        super(message);
    }

    public ContractRegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
