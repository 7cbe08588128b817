# Stage 1: build the jar (the web client is copied into it).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY server/pom.xml server/
COPY web-client/pom.xml web-client/
RUN mvn -q -B -pl server -am dependency:go-offline -DexcludeArtifactIds=quizroom-web-client || true
COPY . .
RUN mvn -q -B -DskipTests package

# Stage 2: a JRE running the jar. Mount your own banks over /app/questions to replace the bundled ones.
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/server/target/quizroom.jar /app/quizroom.jar
COPY questions /app/questions
ENV QUIZROOM_BANKS=/app/questions \
    QUIZROOM_PORT=8080
EXPOSE 8080
# Inside a container the server cannot see the laptop's Wi-Fi address: pass it, e.g.
#   docker run -p 8080:8080 -e QUIZROOM_PUBLIC_URL=http://192.168.1.20:8080 -v "$PWD/questions:/app/questions:ro" quizroom
CMD ["java", "-jar", "/app/quizroom.jar"]
