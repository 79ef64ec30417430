package com.xpowerbanq.devnet;

import com.xpowerbanq.schema.ContractRun;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension giving each test class one started, seeded {@link Devnet}, injected into
 * constructor, {@code @BeforeAll}, {@code @BeforeEach} and test method parameters of type Devnet.
 * The devnet simulates {@value #DEFAULT_DAYS} days unless the class says otherwise with {@link
 * DevnetDays}, of the v10a run unless it says {@link DevnetRun}, and is closed after the class's
 * last test, whether tests passed or not.
 *
 * <pre>{@code
 * @ExtendWith(DevnetExtension.class)
 * @DevnetDays(3)
 * class ReindexJobIT {
 *     @Test
 *     void indexesEveryPosition(Devnet devnet) { ... }
 * }
 * }</pre>
 */
public final class DevnetExtension
        implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    /** Days simulated when the test class has no {@link DevnetDays}. */
    public static final int DEFAULT_DAYS = 2;

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DevnetExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        devnetOf(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Devnet devnet =
                classContext(context).getStore(NAMESPACE).remove(Devnet.class, Devnet.class);
        if (devnet != null) {
            devnet.close();
        }
    }

    @Override
    public boolean supportsParameter(
            ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == Devnet.class;
    }

    @Override
    public Object resolveParameter(
            ParameterContext parameterContext, ExtensionContext extensionContext) {
        return devnetOf(extensionContext);
    }

    private static Devnet devnetOf(ExtensionContext context) {
        ExtensionContext owner = classContext(context);
        return owner.getStore(NAMESPACE)
                .computeIfAbsent(Devnet.class, type -> Devnet.start(options(owner)), Devnet.class);
    }

    private static DevnetOptions options(ExtensionContext classContext) {
        int days =
                classContext
                        .getTestClass()
                        .map(c -> c.getAnnotation(DevnetDays.class))
                        .map(DevnetDays::value)
                        .orElse(DEFAULT_DAYS);
        ContractRun run =
                classContext
                        .getTestClass()
                        .map(c -> c.getAnnotation(DevnetRun.class))
                        .map(DevnetRun::value)
                        .orElse(ContractRun.V10A);
        return DevnetOptions.defaults().withDays(days).withRun(run);
    }

    /** The context of the outermost test class, which owns the devnet. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getParent().isPresent()
                && current.getParent().get().getTestClass().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }
}
