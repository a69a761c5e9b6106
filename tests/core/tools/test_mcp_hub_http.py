"""McpHub over Streamable HTTP against our test server (tests/helpers/mcp_http_server.py):
the bearer token from the keyring, and every way a server can go wrong."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from desktop.core.tools.contract import ToolSpec
from desktop.core.tools.mcp_results import MAX_TEXT_CHARS
from tests.helpers.mcp_http_server import TINY_PNG, McpHttpServer

from .mcp_support import http_hub, run


def web(tool: str) -> ToolSpec:
    return ToolSpec("web", tool)


def test_token_from_the_keyring_and_the_results_of_each_kind(
        tmp_path: Path, http_server_url: tuple[str, str]) -> None:
    url, token = http_server_url
    hub = http_hub(tmp_path, url, token)

    async def scenario() -> None:
        names = {t.name for t in await hub.list_tools()}
        assert {"echo", "hang", "crash", "malformed", "image"} <= names
        echo = await hub.call_tool(web("echo"), {"text": "hi"})
        assert (echo.text, echo.is_error, echo.images) == ("hi", False, ())
        failed = await hub.call_tool(web("fails"), {})
        assert failed.is_error and "the disk is full" in failed.text
        image = await hub.call_tool(web("image"), {})
        assert image.text == "a grey pixel" and not image.is_error
        assert [(i.mime, i.data) for i in image.images] == [("image/png", TINY_PNG)]
        bad = await hub.call_tool(web("bad_image"), {})
        assert bad.images == () and not bad.is_error
        assert "not valid base64" in bad.text and "not a PNG, JPEG, GIF or WebP" in bad.text
        huge = await hub.call_tool(web("huge"), {"size": 3 * MAX_TEXT_CHARS})
        assert huge.truncated and len(huge.text) == MAX_TEXT_CHARS and not huge.is_error
        await hub.close()

    run(scenario())


def test_a_wrong_token_is_named(tmp_path: Path, http_server_url: tuple[str, str]) -> None:
    url, _ = http_server_url
    hub = http_hub(tmp_path, url, "not-the-token")

    async def scenario() -> str:
        assert await hub.list_tools() == []
        result = await hub.call_tool(web("echo"), {"text": "hi"})
        await hub.close()
        return result.text

    text = run(scenario())
    assert text == ("The MCP server 'web' did not start: the server answered HTTP 401 "
                    "(is the token right?)")


def test_malformed_result_and_hang_are_error_results_and_the_session_goes_on(
        tmp_path: Path, http_server_url: tuple[str, str]) -> None:
    url, token = http_server_url
    hub = http_hub(tmp_path, url, token, call_timeout=30)

    async def scenario() -> None:
        malformed = await hub.call_tool(web("malformed"), {})
        assert malformed.is_error
        assert malformed.text == "The MCP server 'web' sent a malformed result for 'malformed'."
        hung = await hub.call_tool(web("hang"), {}, time_limit=1)
        assert hung.is_error
        assert hung.text == "The tool 'hang' of the MCP server 'web' did not answer within 1 s."
        after = await hub.call_tool(web("echo"), {"text": "still here"})
        assert after.text == "still here" and hub.status("web").state == "running"
        await hub.close()

    run(scenario())


def test_cancelling_a_hanging_http_call(tmp_path: Path,
                                        http_server_url: tuple[str, str]) -> None:
    url, token = http_server_url
    hub = http_hub(tmp_path, url, token)

    async def scenario() -> None:
        await hub.list_tools()
        call = asyncio.ensure_future(hub.call_tool(web("hang"), {}))
        await asyncio.sleep(0.3)
        call.cancel()
        with pytest.raises(asyncio.CancelledError):
            await asyncio.wait_for(call, 10)
        assert (await hub.call_tool(web("echo"), {"text": "ok"})).text == "ok"
        await hub.close()

    run(scenario())


def test_a_server_that_dies_mid_call(tmp_path: Path, token: str) -> None:
    with McpHttpServer(token) as server:
        hub = http_hub(tmp_path, server.url, token)

        async def scenario() -> list[str]:
            assert (await hub.call_tool(web("echo"), {"text": "a"})).text == "a"
            texts = [(await hub.call_tool(web("crash"), {})).text]
            assert server.process is not None and server.process.wait(10) == 3
            for _ in range(2):
                texts.append((await hub.call_tool(web("echo"), {"text": "b"})).text)
            await hub.close()
            return texts

        crashed, restart, refused = run(scenario())
    assert crashed.startswith("The MCP server 'web' stopped during the call to 'crash'")
    assert restart.startswith("The MCP server 'web' did not start: could not connect")
    assert "failed again after a restart" in refused


def test_listing_two_hundred_tools(tmp_path: Path, token: str) -> None:
    with McpHttpServer(token, many=200) as server:
        hub = http_hub(tmp_path, server.url, token)

        async def scenario() -> None:
            tools = await hub.list_tools()
            numbered = [t for t in tools if t.name.startswith("tool_")]
            assert len(numbered) == 200
            result = await hub.call_tool(web("tool_199"), {"value": 1})
            assert result.text == "200"
            await hub.close()

        run(scenario())


def test_closing_the_hub_during_a_call_ends_the_call(
        tmp_path: Path, http_server_url: tuple[str, str]) -> None:
    url, token = http_server_url
    hub = http_hub(tmp_path, url, token)

    async def scenario() -> None:
        await hub.list_tools()
        call = asyncio.ensure_future(hub.call_tool(web("hang"), {}))
        await asyncio.sleep(0.3)
        await hub.close()
        result = await asyncio.wait_for(call, 10)
        assert result.is_error
        assert result.text == ("The call to 'hang' on the MCP server 'web' was stopped: "
                               "tools shut down.")

    run(scenario())
