# syntax=docker/dockerfile:1
FROM maven:3.9-eclipse-temurin-17 AS build
# zip for lean-jar.sh below (this stage only: none of it reaches the image).
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends zip >/dev/null && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY db db
COPY src src
COPY docker/lean-jar.sh /usr/local/bin/lean-jar.sh
# The image's jar keeps only the SQLite native libraries of Linux x86_64 and aarch64 (glibc), the platforms
# this image runs on: 41.4 MB -> 30.4 MB. target/syncro-bot.jar, for `java -jar` anywhere, keeps all of them.
RUN mvn -B -q package -DskipTests && lean-jar.sh target/syncro-bot.jar target/syncro-bot-linux.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home /app syncrobot && mkdir -p /app /data && chown syncrobot /data
WORKDIR /app
COPY --from=build /src/target/syncro-bot-linux.jar /app/syncro-bot.jar
COPY docker/cds-archive.sh /usr/local/bin/cds-archive.sh
# Class-data sharing (AppCDS): a training run starts `serve` against a throwaway store, stops it once
# /healthz answers, and leaves the classes it loaded in /app/syncro-bot.jsa, which the entry point maps
# instead of loading and verifying them again. Same JVM, jar path and options as the ENTRYPOINT below
# (ClassDataSharingTest checks); a missing or stale archive only costs start-up speed (-Xshare:auto).
RUN cds-archive.sh /app/syncro-bot.jsa java -Xshare:auto -XX:+UseSerialGC -Xms64m -XX:MaxRAMPercentage=75 \
    -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError -XX:ThreadPriorityPolicy=1 \
    -XX:JavaPriority1_To_OSPriority=19 -XX:CompilerThreadPriority=10 -Dfile.encoding=UTF-8 -jar /app/syncro-bot.jar
ENV SYNCRO_BOT_DB_URL=jdbc:sqlite:/data/syncro-bot.db \
    SYNCRO_BOT_SECRET_KEY_FILE=/data/secret.key \
    PORT=3000
VOLUME ["/data"]
EXPOSE 3000
USER syncrobot
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${PORT} && printf 'GET /readyz HTTP/1.0\\r\\n\\r\\n' >&3 && read -r status <&3 && [[ $status == *' 200 '* ]]"]
# Serial GC and a 32 MB initial heap (grown on demand up to 75 % of the container's memory): the bot's
# live heap is about 30 MB, and G1 with its default initial heap (1/64 of the host's RAM) held 250 MB idle.
# Only the quick JIT compiler (C1): the bot waits on Slack and Syncro, not on its own code, and the optimizing
# compiler (C2) spent half of the bot's CPU in a burst compiling paths that run a few hundred times a day.
# Thread priorities: the threads that answer Slack keep the normal priority; the bot's background threads (work
# queues, plans, notices, schedulers) run at nice 19 and the JIT compilers at nice 10, so in a burst the acks
# Slack waits for (3 s at most) are not queued behind work whose pace Syncro sets anyway. Lowering priorities
# needs no privilege; the JVM still prints once that ThreadPriorityPolicy=1 "may require system level
# permission" (it would to raise them, which the bot never does).
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/syncro-bot.jsa", "-Xshare:auto", "-XX:+UseSerialGC", "-Xms64m", \
    "-XX:MaxRAMPercentage=75", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError", \
    "-XX:ThreadPriorityPolicy=1", "-XX:JavaPriority1_To_OSPriority=19", "-XX:CompilerThreadPriority=10", \
    "-Dfile.encoding=UTF-8", "-jar", "/app/syncro-bot.jar"]
