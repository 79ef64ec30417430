package com.xpowerbanq.devnet;

import com.xpowerbanq.schema.ContractRun;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The contract run the {@link DevnetExtension} deploys for the annotated test class. */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DevnetRun {
    ContractRun value();
}
