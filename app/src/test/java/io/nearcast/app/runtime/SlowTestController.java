package io.nearcast.app.runtime;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.concurrent.CountDownLatch;

/** Test-only endpoint that stays in flight until released: lets a test shut down mid-request. */
@Requires(env = "test")
@Controller("/test/slow")
final class SlowTestController {

    static volatile CountDownLatch entered = new CountDownLatch(1);
    static volatile CountDownLatch release = new CountDownLatch(1);

    static void reset() {
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }

    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    String slow() throws InterruptedException {
        entered.countDown();
        release.await();
        return "finished";
    }
}
