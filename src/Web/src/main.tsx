import { render } from "preact";
import { App } from "./app/App";
import "./styles/base.css";
import "./styles/inbox.css";
import "./styles/chat.css";
import "./styles/panel.css";
import "./styles/admin.css";

render(<App />, document.getElementById("app")!);
