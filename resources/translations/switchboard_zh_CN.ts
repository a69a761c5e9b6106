<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="75"/>
        <source>Data directory</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="76"/>
        <source>Log file</source>
        <translation>日志文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="77"/>
        <source>Keyring</source>
        <translation>密钥环</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="78"/>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="79"/>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="90"/>
        <source>Copy diagnostics</source>
        <translation>复制诊断信息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="95"/>
        <source>About %1</source>
        <translation>关于 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="102"/>
        <source>Running the self-test…</source>
        <translation>正在运行自检…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="106"/>
        <source>Diagnostics copied (secrets removed).</source>
        <translation>诊断信息已复制（已移除密钥）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="110"/>
        <source>The self-test could not run: %1</source>
        <translation>自检无法运行：%1</translation>
    </message>
</context>
<context>
    <name>AttachImages</name>
    <message>
        <location filename="../../desktop/ui/attachments/dialogs.py" line="21"/>
        <source>Images and documents ({0})</source>
        <translation>图片和文档 ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/dialogs.py" line="23"/>
        <source>Images ({0})</source>
        <translation>图片 ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/dialogs.py" line="24"/>
        <source>PDF and Word documents ({0})</source>
        <translation>PDF 和 Word 文档 ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/dialogs.py" line="25"/>
        <source>Text and code ({0})</source>
        <translation>文本和代码 ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/dialogs.py" line="27"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/dialogs.py" line="30"/>
        <source>Attach files</source>
        <translation>附加文件</translation>
    </message>
</context>
<context>
    <name>AttachmentChip</name>
    <message>
        <location filename="../../desktop/ui/attachments/tray.py" line="120"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/tray.py" line="121"/>
        <source>Remove {0}</source>
        <translation>移除 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/tray.py" line="125"/>
        <source>Preparing {0}…</source>
        <translation>正在处理 {0}…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/tray.py" line="126"/>
        <source>Preparing {0}</source>
        <translation>正在处理 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/tray.py" line="128"/>
        <source>{0}
{1} × {2} px, {3}</source>
        <translation>{0}
{1} × {2} 像素，{3}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/tray.py" line="131"/>
        <source>Image {0}</source>
        <translation>图片 {0}</translation>
    </message>
</context>
<context>
    <name>AttachmentTray</name>
    <message>
        <location filename="../../desktop/ui/attachments/tray.py" line="201"/>
        <source>Drop images or documents here to attach them</source>
        <translation>将图片或文档拖放到这里以附加</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/tray.py" line="259"/>
        <source>A message can carry up to {0} attachments.</source>
        <translation>一条消息最多可带 {0} 个附件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/tray.py" line="373"/>
        <location filename="../../desktop/ui/attachments/tray.py" line="450"/>
        <source>{0} cannot be attached: {1}</source>
        <translation>无法附加 {0}：{1}</translation>
    </message>
</context>
<context>
    <name>ChatFiles</name>
    <message>
        <location filename="../../desktop/ui/chat_view/file_chips.py" line="73"/>
        <source>{0} is missing from the attachment store.</source>
        <translation>附件存储中找不到 {0}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/file_chips.py" line="82"/>
        <source>No application opens {0}.</source>
        <translation>没有可以打开 {0} 的应用程序。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/file_chips.py" line="85"/>
        <source>{0} could not be opened: {1}</source>
        <translation>无法打开 {0}：{1}</translation>
    </message>
</context>
<context>
    <name>ChatImages</name>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="79"/>
        <source>Save image as</source>
        <translation>图片另存为</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="163"/>
        <location filename="../../desktop/ui/chat_view/images.py" line="181"/>
        <source>The image file is missing.</source>
        <translation>图片文件不存在。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="175"/>
        <source>The image could not be saved: {0}</source>
        <translation>无法保存图片：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="186"/>
        <source>The image could not be read.</source>
        <translation>无法读取图片。</translation>
    </message>
</context>
<context>
    <name>ChatPane</name>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="148"/>
        <source>Show or hide the sidebar</source>
        <translation>显示或隐藏侧边栏</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="76"/>
        <source>New conversation</source>
        <translation>新对话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="149"/>
        <source>Show or hide parameters</source>
        <translation>显示或隐藏参数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="150"/>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="154"/>
        <source>Editing a message: sending makes a new branch.</source>
        <translation>正在编辑消息：发送后将创建一个新分支。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="155"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="156"/>
        <source>Cancel editing</source>
        <translation>取消编辑</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="151"/>
        <source>Attach images</source>
        <translation>附加图片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="195"/>
        <location filename="../../desktop/ui/chat_pane.py" line="196"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="197"/>
        <source>Send (Enter)</source>
        <translation>发送（Enter）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="189"/>
        <location filename="../../desktop/ui/chat_pane.py" line="190"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="191"/>
        <source>Stop the reply (Esc)</source>
        <translation>停止回复（Esc）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="256"/>
        <source>The images are still being prepared; send again in a moment.</source>
        <translation>图片仍在处理中，请稍后再发送。</translation>
    </message>
</context>
<context>
    <name>ChatTarget</name>
    <message>
        <location filename="../../desktop/ui/chat_target.py" line="37"/>
        <source>No provider is set up yet. Add one in Settings → Providers (or with “switchboard provider add” on the command line); your message is kept.</source>
        <translation>还没有设置服务商。请在“设置 → 服务商”中添加（或在命令行中使用“switchboard provider add”）；你的消息已保留。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_target.py" line="40"/>
        <source>Choose a model first; your message is kept.</source>
        <translation>请先选择一个模型；你的消息已保留。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_target.py" line="52"/>
        <source>Fix the parameters first: %1</source>
        <translation>请先修正参数：%1</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <location filename="../../desktop/ui/chat_view/documents.py" line="30"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/view.py" line="82"/>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/view.py" line="83"/>
        <source>↓  Jump to latest</source>
        <translation>↓  跳到最新</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/view.py" line="84"/>
        <source>Jump to latest message</source>
        <translation>跳到最新消息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/diagrams.py" line="78"/>
        <source>Diagram not shown: {0}</source>
        <translation>未显示图表：{0}</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../desktop/ui/composer.py" line="37"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="47"/>
        <source>Describe the image to generate…</source>
        <translation>描述要生成的图片…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="49"/>
        <source>Message…  (Enter to send, Shift+Enter for a new line)</source>
        <translation>输入消息…（Enter 发送，Shift+Enter 换行）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="51"/>
        <source>Message…  (Ctrl+Enter to send, Enter for a new line)</source>
        <translation>输入消息…（Ctrl+Enter 发送，Enter 换行）</translation>
    </message>
</context>
<context>
    <name>ConversationList</name>
    <message>
        <location filename="../../desktop/ui/conversation_list/model.py" line="44"/>
        <source>Pinned</source>
        <translation>已置顶</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/model.py" line="48"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/model.py" line="50"/>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/model.py" line="52"/>
        <source>Previous 7 days</source>
        <translation>过去 7 天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/model.py" line="54"/>
        <source>Previous 30 days</source>
        <translation>过去 30 天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/model.py" line="56"/>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/model.py" line="211"/>
        <location filename="../../desktop/ui/conversation_list/model.py" line="216"/>
        <source>New conversation</source>
        <translation>新对话</translation>
    </message>
</context>
<context>
    <name>ConversationListView</name>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="49"/>
        <source>Conversations</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="121"/>
        <source>Rename folder…</source>
        <translation>重命名文件夹…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="123"/>
        <source>Delete folder (its conversations stay)</source>
        <translation>删除文件夹（其中的对话会保留）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="133"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="134"/>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="136"/>
        <source>Unpin</source>
        <translation>取消置顶</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="136"/>
        <source>Pin</source>
        <translation>置顶</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="138"/>
        <source>Move to folder</source>
        <translation>移动到文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="140"/>
        <source>No folder</source>
        <translation>不放入文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="149"/>
        <source>New folder…</source>
        <translation>新建文件夹…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="151"/>
        <source>Unarchive</source>
        <translation>取消归档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="151"/>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="153"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="155"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>DiagramViewer</name>
    <message>
        <location filename="../../desktop/ui/chat_view/diagram_viewer.py" line="47"/>
        <source>Save diagram as</source>
        <translation>图表另存为</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/diagram_viewer.py" line="61"/>
        <source>Diagram not saved</source>
        <translation>图表未保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/diagram_viewer.py" line="95"/>
        <location filename="../../desktop/ui/chat_view/diagram_viewer.py" line="133"/>
        <source>Copy source</source>
        <translation>复制源代码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/diagram_viewer.py" line="97"/>
        <location filename="../../desktop/ui/chat_view/diagram_viewer.py" line="134"/>
        <source>Save as SVG…</source>
        <translation>另存为 SVG…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/diagram_viewer.py" line="99"/>
        <location filename="../../desktop/ui/chat_view/diagram_viewer.py" line="135"/>
        <source>Save as PNG…</source>
        <translation>另存为 PNG…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/diagram_viewer.py" line="111"/>
        <source>Diagram</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/diagram_viewer.py" line="129"/>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/diagram_viewer.py" line="136"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>DocumentChip</name>
    <message>
        <location filename="../../desktop/ui/attachments/document_chip.py" line="91"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_chip.py" line="94"/>
        <source>1 page</source>
        <translation>1 页</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_chip.py" line="94"/>
        <source>{0} pages</source>
        <translation>{0} 页</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_chip.py" line="96"/>
        <source>{0} characters</source>
        <translation>{0} 个字符</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_chip.py" line="97"/>
        <source>{0} · ≈{1} tokens</source>
        <translation>{0} · 约 {1} 个 token</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_chip.py" line="107"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_chip.py" line="108"/>
        <source>Remove {0}</source>
        <translation>移除 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_chip.py" line="111"/>
        <source>Reading {0}…</source>
        <translation>正在读取 {0}…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_chip.py" line="112"/>
        <source>Reading {0}</source>
        <translation>正在读取 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_chip.py" line="114"/>
        <source>{0}
{1}, {2}</source>
        <translation>{0}
{1}，{2}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_chip.py" line="116"/>
        <source>Document {0}</source>
        <translation>文档 {0}</translation>
    </message>
</context>
<context>
    <name>DocumentRefusal</name>
    <message>
        <location filename="../../desktop/ui/attachments/document_checks.py" line="29"/>
        <source>{0} is protected by a password; remove the password and attach it again.</source>
        <translation>{0} 受密码保护；请去掉密码后重新附加。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_checks.py" line="32"/>
        <source>{0} cannot be read: the file is damaged or incomplete ({1})</source>
        <translation>无法读取 {0}：文件已损坏或不完整（{1}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_checks.py" line="35"/>
        <location filename="../../desktop/ui/attachments/document_checks.py" line="37"/>
        <source>{0} cannot be attached: {1}</source>
        <translation>无法附加 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_checks.py" line="42"/>
        <source>it is a scan without a text layer, and {0} is not known to read images; choose a vision model to send its pages as images.</source>
        <translation>它是没有文字层的扫描件，而 {0} 不支持读取图片；请选择支持视觉的模型，以图片形式发送其页面。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_checks.py" line="45"/>
        <source>the chosen model</source>
        <translation>所选模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_checks.py" line="50"/>
        <source>it has no text layer, and its page images are in a format that cannot be extracted (only JPEG and 8-bit grey or RGB scans can).</source>
        <translation>它没有文字层，且页面图片的格式无法提取（只支持 JPEG 以及 8 位灰度或 RGB 扫描）。</translation>
    </message>
</context>
<context>
    <name>ExchangeRunner</name>
    <message>
        <location filename="../../desktop/ui/exchange_runner.py" line="190"/>
        <source>The images could not be stored: {0}</source>
        <translation>无法保存图片：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_runner.py" line="301"/>
        <source>Waiting for the provider ({0})… retry {1} of {2} in {3} s</source>
        <translation>正在等待服务商（{0}）… 第 {1}/{2} 次重试，{3} 秒后开始</translation>
    </message>
</context>
<context>
    <name>FileStrip</name>
    <message>
        <location filename="../../desktop/ui/chat_view/file_chips.py" line="107"/>
        <source>Attached files</source>
        <translation>附加的文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/file_chips.py" line="128"/>
        <source>1 page</source>
        <translation>1 页</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/file_chips.py" line="129"/>
        <source>{0} pages</source>
        <translation>{0} 页</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/file_chips.py" line="187"/>
        <source>Open {0}</source>
        <translation>打开 {0}</translation>
    </message>
</context>
<context>
    <name>GuiSession</name>
    <message>
        <location filename="../../desktop/ui/gui_session.py" line="45"/>
        <source>Replies cut off by the last exit were kept and marked as interrupted.</source>
        <translation>上次退出时中断的回复已保留，并标记为已中断。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gui_session.py" line="138"/>
        <location filename="../../desktop/ui/gui_session.py" line="172"/>
        <source>Nothing was restored: %1</source>
        <translation>未恢复任何内容：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gui_session.py" line="145"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gui_session.py" line="146"/>
        <source>Closing the history…</source>
        <translation>正在关闭历史记录…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gui_session.py" line="169"/>
        <source>Restored the history from %1. The history before it was saved as %2.</source>
        <translation>已从 %1 恢复历史记录。恢复前的历史记录已保存为 %2。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gui_session.py" line="174"/>
        <source>Restore cancelled: the history was not changed.</source>
        <translation>已取消恢复：历史记录未改变。</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="24"/>
        <source>New conversation</source>
        <translation>新对话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="25"/>
        <source>Search history</source>
        <translation>搜索历史</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="26"/>
        <source>Send (or new line, when swapped in the Settings menu)</source>
        <translation>发送（在“设置”菜单中切换后为换行）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="27"/>
        <source>New line (or send, when swapped)</source>
        <translation>换行（切换后为发送）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="28"/>
        <source>Stop the reply, cancel editing, clear the search</source>
        <translation>停止回复、取消编辑、清除搜索</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="29"/>
        <source>In an empty composer: edit your last message</source>
        <translation>输入框为空时：编辑你的上一条消息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="30"/>
        <source>Rename the selected conversation</source>
        <translation>重命名所选对话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="31"/>
        <source>Delete the selected conversation (with Undo)</source>
        <translation>删除所选对话（可撤销）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="32"/>
        <source>Undo the last delete</source>
        <translation>撤销上一次删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="33"/>
        <source>Show or hide the sidebar</source>
        <translation>显示或隐藏侧边栏</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="34"/>
        <source>Show or hide the parameters</source>
        <translation>显示或隐藏参数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="35"/>
        <source>Focus the composer</source>
        <translation>聚焦到输入框</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="36"/>
        <source>This help</source>
        <translation>本帮助</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="37"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="44"/>
        <location filename="../../desktop/ui/help_dialog.py" line="51"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="47"/>
        <source>keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="52"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="52"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
</context>
<context>
    <name>HistoryTools</name>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="74"/>
        <location filename="../../desktop/ui/history_tools.py" line="79"/>
        <source>Import conversations</source>
        <translation>导入对话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="75"/>
        <source>Conversations (*.json *.zip);;All files (*)</source>
        <translation>对话 (*.json *.zip);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/history_tools.py" line="84"/>
        <source>Imported %n conversation(s).</source>
        <translation>
            <numerusform>已导入 %n 个对话。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="89"/>
        <source>Import cancelled: nothing was imported.</source>
        <translation>已取消导入：未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="103"/>
        <location filename="../../desktop/ui/history_tools.py" line="110"/>
        <source>Export all conversations</source>
        <translation>导出全部对话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="104"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/history_tools.py" line="120"/>
        <source>Exported %n conversation(s) to %1</source>
        <translation>
            <numerusform>已将 %n 个对话导出到 %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="125"/>
        <source>Export cancelled: no file was written.</source>
        <translation>已取消导出：未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="139"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="144"/>
        <source>Backed up to %1</source>
        <translation>已备份到 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="148"/>
        <source>Backup cancelled.</source>
        <translation>已取消备份。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="185"/>
        <location filename="../../desktop/ui/history_tools.py" line="207"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="186"/>
        <source>This file cannot be restored: %1</source>
        <translation>无法从此文件恢复：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="194"/>
        <source>an unknown number of conversations</source>
        <translation>对话数量未知</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/history_tools.py" line="195"/>
        <source>%n conversation(s)</source>
        <translation>
            <numerusform>%n 个对话</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/history_tools.py" line="196"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n 条消息</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="199"/>
        <source>Replace the whole current history ({current}) with the backup {name} ({backup})?

The current history is first saved as a backup in {folder}, so nothing is lost. Replies still streaming are stopped, and the window reopens on the restored history.</source>
        <translation>用备份 {name}（{backup}）替换当前的全部历史记录（{current}）吗？

当前的历史记录会先备份到 {folder}，不会丢失任何内容。正在生成的回复会停止，窗口会在恢复后的历史记录上重新打开。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="210"/>
        <source>Replace the history</source>
        <translation>替换历史记录</translation>
    </message>
</context>
<context>
    <name>ImageGenerationController</name>
    <message>
        <location filename="../../desktop/ui/image_generation_controller.py" line="85"/>
        <source>Describe the image to generate first.</source>
        <translation>请先描述要生成的图片。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_generation_controller.py" line="87"/>
        <source>Type what the image should show after /image.</source>
        <translation>请在 /image 后面写出图片要表现的内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_generation_controller.py" line="95"/>
        <source>Image generation does not use the attached images; they stay for your next chat message.</source>
        <translation>生成图片不会使用已附加的图片；它们会保留到你的下一条聊天消息。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_generation_controller.py" line="176"/>
        <source>Pick an image model (one with the [image] badge, e.g. dall-e-3) in the model picker at the top (Ctrl+M); your prompt is kept.</source>
        <translation>请在顶部的模型选择器（Ctrl+M）中选一个图片模型（带 [image] 标记，例如 dall-e-3）；你的提示词已保留。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_generation_controller.py" line="217"/>
        <source>Generating image…</source>
        <translation>正在生成图片…</translation>
    </message>
</context>
<context>
    <name>ImageMode</name>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="196"/>
        <source>Image mode</source>
        <translation>图片模式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="197"/>
        <source>Image mode: Send generates images from the text (or type /image and a prompt)</source>
        <translation>图片模式：发送时根据文字生成图片（也可以输入 /image 加提示词）</translation>
    </message>
</context>
<context>
    <name>ImageOptionsRow</name>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="94"/>
        <source>Image size</source>
        <translation>图片尺寸</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="95"/>
        <source>Image size (auto: the model&apos;s default, not sent)</source>
        <translation>图片尺寸（自动：模型的默认值，不发送）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="96"/>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="97"/>
        <source>custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="98"/>
        <source>WxH</source>
        <translation>宽x高</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="99"/>
        <source>Custom image size</source>
        <translation>自定义图片尺寸</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="100"/>
        <source>Width x height in pixels, e.g. 1536x1024</source>
        <translation>宽 x 高（像素），例如 1536x1024</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="101"/>
        <source>Number of images</source>
        <translation>图片数量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="102"/>
        <source>How many images to generate (1–4)</source>
        <translation>要生成几张图片（1–4）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="103"/>
        <source>Image quality</source>
        <translation>图片质量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="106"/>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="104"/>
        <source>Image style</source>
        <translation>图片风格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="107"/>
        <source>Quality (default: not sent)</source>
        <translation>质量（默认：不发送）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="108"/>
        <source>Style, for models that take one (default: not sent)</source>
        <translation>风格，用于支持风格的模型（默认：不发送）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="109"/>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="109"/>
        <source>Images</source>
        <translation>张数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="110"/>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="110"/>
        <source>Style</source>
        <translation>风格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="151"/>
        <source>The custom image size must look like 1024x1024.</source>
        <translation>自定义图片尺寸的格式应为 1024x1024。</translation>
    </message>
</context>
<context>
    <name>ImageStrip</name>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="221"/>
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="324"/>
        <source>Image missing</source>
        <translation>图片缺失</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="381"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="382"/>
        <source>Save image as…</source>
        <translation>图片另存为…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="383"/>
        <source>Copy image</source>
        <translation>复制图片</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../../desktop/ui/chat_view/image_viewer.py" line="37"/>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/image_viewer.py" line="43"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/image_viewer.py" line="52"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/image_viewer.py" line="53"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/image_viewer.py" line="74"/>
        <source>The image could not be read.</source>
        <translation>无法读取图片。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/image_viewer.py" line="105"/>
        <source>Save image as…</source>
        <translation>图片另存为…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/image_viewer.py" line="106"/>
        <source>Copy image</source>
        <translation>复制图片</translation>
    </message>
</context>
<context>
    <name>KeyPromptDialog</name>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="143"/>
        <source>API key for %1</source>
        <translation>%1 的 API 密钥</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="144"/>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="145"/>
        <source>Paste the API key</source>
        <translation>粘贴 API 密钥</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="146"/>
        <source>Save it in the system keyring</source>
        <translation>保存到系统密钥环</translation>
    </message>
</context>
<context>
    <name>KeyringProblemDialog</name>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="78"/>
        <source>The key could not be stored</source>
        <translation>无法保存密钥</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="80"/>
        <source>The key for &lt;b&gt;%1&lt;/b&gt; was not saved.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 的密钥未保存。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="83"/>
        <source>Switchboard never writes keys to its own files. Choose how to go on:</source>
        <translation>Switchboard 从不把密钥写入自己的文件。请选择接下来的做法：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="86"/>
        <source>Keep the key in memory for this session only (asked again next start)</source>
        <translation>仅在本次运行期间将密钥保存在内存中（下次启动时会再次询问）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="88"/>
        <source>Read the key from an environment variable:</source>
        <translation>从环境变量读取密钥：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="89"/>
        <source>Environment variable name</source>
        <translation>环境变量名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="91"/>
        <location filename="../../desktop/ui/key_prompt.py" line="107"/>
        <source>Enter a variable name (letters, digits and _).</source>
        <translation>请输入变量名（字母、数字和 _）。</translation>
    </message>
</context>
<context>
    <name>LargeDocumentQuestion</name>
    <message>
        <location filename="../../desktop/ui/attachments/document_checks.py" line="77"/>
        <source>Attach a large document?</source>
        <translation>附加大型文档？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_checks.py" line="78"/>
        <source>{0} is about {1} tokens; the limit is {2}.</source>
        <translation>{0} 约有 {1} 个 token；上限为 {2}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_checks.py" line="81"/>
        <source>The model may refuse it or cut it off, and every message of this conversation will send it again.</source>
        <translation>模型可能拒绝或截断它，而且此对话的每条消息都会再次发送它。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_checks.py" line="83"/>
        <source>Attach anyway</source>
        <translation>仍然附加</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_checks.py" line="84"/>
        <source>Remove it</source>
        <translation>移除它</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="174"/>
        <source>Opening history…</source>
        <translation>正在打开历史记录…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="259"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="260"/>
        <source>&amp;New conversation</source>
        <translation>新对话(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="261"/>
        <source>&amp;Import conversations…</source>
        <translation>导入对话(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="262"/>
        <source>&amp;Export conversation…</source>
        <translation>导出对话(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="263"/>
        <source>Export &amp;all conversations…</source>
        <translation>导出全部对话(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="264"/>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="265"/>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="266"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="267"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="268"/>
        <source>&amp;Search history</source>
        <translation>搜索历史(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="269"/>
        <source>Show or hide the si&amp;debar</source>
        <translation>显示或隐藏侧边栏(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="270"/>
        <source>Show or hide the &amp;parameters</source>
        <translation>显示或隐藏参数(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="271"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="272"/>
        <location filename="../../desktop/ui/main_window.py" line="283"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="272"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="273"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="276"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="277"/>
        <source>&amp;Enter sends the message</source>
        <translation>Enter 发送消息(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="278"/>
        <source>&amp;Providers…</source>
        <translation>服务商(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="279"/>
        <source>&amp;Tools (MCP servers)…</source>
        <translation>工具（MCP 服务器）(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="280"/>
        <source>Read &amp;aloud…</source>
        <translation>朗读(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="281"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="286"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="287"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="288"/>
        <source>&amp;About Switchboard</source>
        <translation>关于 Switchboard(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="321"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="328"/>
        <source>The history is still opening. Your message is kept in the composer.</source>
        <translation>历史记录仍在打开中。你的消息保留在输入框里。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="341"/>
        <source>Read-only: nothing can be saved</source>
        <translation>只读：无法保存任何内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="354"/>
        <source>The history could not be opened: %1</source>
        <translation>无法打开历史记录：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="458"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>MessageActions</name>
    <message>
        <location filename="../../desktop/ui/message_actions.py" line="36"/>
        <source>Copied.</source>
        <translation>已复制。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/message_actions.py" line="43"/>
        <source>Stop the reply before deleting messages.</source>
        <translation>请先停止回复，再删除消息。</translation>
    </message>
</context>
<context>
    <name>MessageCost</name>
    <message>
        <location filename="../../desktop/ui/chat_view/cost_text.py" line="36"/>
        <source>Cost: {0}</source>
        <translation>费用：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/cost_text.py" line="40"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/cost_text.py" line="41"/>
        <source>Cached input</source>
        <translation>缓存输入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/cost_text.py" line="42"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/cost_text.py" line="43"/>
        <source>Reasoning</source>
        <translation>推理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/cost_text.py" line="45"/>
        <source>{0}: {1} tokens × {2}/M = {3}</source>
        <translation>{0}：{1} 个 token × {2}/百万 = {3}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/cost_text.py" line="55"/>
        <source>Prices: set for this provider</source>
        <translation>价格：此提供商的自定义价格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/cost_text.py" line="57"/>
        <source>Prices: {0}</source>
        <translation>价格：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/cost_text.py" line="60"/>
        <source>Provider multiplier: ×{0:g}</source>
        <translation>提供商倍率：×{0:g}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/cost_text.py" line="64"/>
        <source>Exchange rate: {0:g} {1} per USD</source>
        <translation>汇率：每美元 {0:g} {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/cost_text.py" line="67"/>
        <source>Estimated: the provider sent no token counts.</source>
        <translation>估算值：提供商未返回 token 数。</translation>
    </message>
</context>
<context>
    <name>MessageWidget</name>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="189"/>
        <source>Previous version</source>
        <translation>上一个版本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="190"/>
        <source>Next version</source>
        <translation>下一个版本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="191"/>
        <source>Message text</source>
        <translation>消息文本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="192"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="193"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="194"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="195"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="196"/>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="197"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="198"/>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="459"/>
        <source>Read aloud</source>
        <translation>朗读</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="212"/>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="348"/>
        <source>Thinking…</source>
        <translation>思考中…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="350"/>
        <source>Thinking</source>
        <translation>思考过程</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="370"/>
        <source>The request failed.</source>
        <translation>请求失败。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="373"/>
        <source>The reply was interrupted.</source>
        <translation>回复被中断。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="376"/>
        <source>Stopped. Continue picks up where it ended.</source>
        <translation>已停止。点击“继续”可从中断处接着生成。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/footer.py" line="19"/>
        <source>{0} in · {1} out tokens</source>
        <translation>输入 {0} · 输出 {1} tokens</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/footer.py" line="26"/>
        <source>first token {0:.2f} s</source>
        <translation>首个 token {0:.2f} 秒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/footer.py" line="29"/>
        <source>{0:.1f} tokens/s</source>
        <translation>{0:.1f} tokens/秒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="459"/>
        <source>Stop reading</source>
        <translation>停止朗读</translation>
    </message>
</context>
<context>
    <name>ModelList</name>
    <message>
        <location filename="../../desktop/ui/model_list.py" line="107"/>
        <source>Section %1</source>
        <translation>分区 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_list.py" line="111"/>
        <source>on %1</source>
        <translation>来自 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_list.py" line="113"/>
        <source>favourite</source>
        <translation>已收藏</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_list.py" line="117"/>
        <source>Use typed name</source>
        <translation>使用输入的名称</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="88"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="178"/>
        <source>Choose the model (Ctrl+M)</source>
        <translation>选择模型（Ctrl+M）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="174"/>
        <source>No provider yet — add one</source>
        <translation>还没有服务商 — 添加一个</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="176"/>
        <source>Choose a model</source>
        <translation>选择模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="186"/>
        <source>%1 on %2 %3 — click to change (Ctrl+M)</source>
        <translation>%2 上的 %1 %3 — 点击更改（Ctrl+M）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="224"/>
        <source>Loading models…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="232"/>
        <source> Showing the list from %1 h ago.</source>
        <translation> 显示的是 %1 小时前的列表。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="221"/>
        <source>Could not load models: %1</source>
        <translation>无法加载模型：%1</translation>
    </message>
</context>
<context>
    <name>ModelPopup</name>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="81"/>
        <source>Search models, or type a model name…</source>
        <translation>搜索模型，或输入模型名称…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="82"/>
        <source>Search models</source>
        <translation>搜索模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="83"/>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="84"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="85"/>
        <source>Refresh model lists</source>
        <translation>刷新模型列表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="86"/>
        <source>Fetch every provider&apos;s model list again (F5)</source>
        <translation>重新获取所有服务商的模型列表（F5）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/model_popup.py" line="87"/>
        <location filename="../../desktop/ui/model_popup.py" line="111"/>
        <source>%n model(s)</source>
        <translation>
            <numerusform>%n 个模型</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="185"/>
        <source>Remove from favourites</source>
        <translation>从收藏中移除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="185"/>
        <source>Add to favourites</source>
        <translation>加入收藏</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="188"/>
        <source>Capabilities</source>
        <translation>能力</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="190"/>
        <source>Vision (image input)</source>
        <translation>视觉（图片输入）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="191"/>
        <source>Reasoning</source>
        <translation>推理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="192"/>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="193"/>
        <source>Image generation</source>
        <translation>图像生成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="204"/>
        <source>Use the known defaults</source>
        <translation>使用已知默认值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="207"/>
        <source>Forget this hand-typed model</source>
        <translation>忘记这个手动输入的模型</translation>
    </message>
</context>
<context>
    <name>ParameterFields</name>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="18"/>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="19"/>
        <source>Top P</source>
        <translation>Top P</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="20"/>
        <source>Max tokens</source>
        <translation>最大 token 数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="21"/>
        <source>Presence penalty</source>
        <translation>存在惩罚</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="22"/>
        <source>Frequency penalty</source>
        <translation>频率惩罚</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="23"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="24"/>
        <source>Choices (n)</source>
        <translation>候选数 (n)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="25"/>
        <source>Stop sequences</source>
        <translation>停止序列</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="26"/>
        <source>Logit bias</source>
        <translation>Logit 偏置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="27"/>
        <source>User</source>
        <translation>用户标识</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="37"/>
        <source>-2 to 2</source>
        <translation>-2 到 2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="38"/>
        <source>whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="39"/>
        <source>one per line, up to 4</source>
        <translation>每行一个，最多 4 个</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="42"/>
        <source>end-user id for abuse monitoring</source>
        <translation>用于滥用监控的终端用户 ID</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="51"/>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="55"/>
        <source>Provider default — e.g. %1</source>
        <translation>服务商默认 — 例如 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="62"/>
        <source>%1 (%2). Leave empty to use the provider&apos;s default.</source>
        <translation>%1（%2）。留空则使用服务商的默认值。</translation>
    </message>
</context>
<context>
    <name>ParameterPanel</name>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="215"/>
        <source>SYSTEM PROMPT</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="216"/>
        <source>You are a helpful assistant.</source>
        <translation>你是一个乐于助人的助手。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="217"/>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="218"/>
        <source>SAMPLING</source>
        <translation>采样</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="220"/>
        <source>RESPONSE FORMAT</source>
        <translation>响应格式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="221"/>
        <source>Response format</source>
        <translation>响应格式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="222"/>
        <source>Provider default</source>
        <translation>服务商默认</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="222"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="222"/>
        <source>JSON object</source>
        <translation>JSON 对象</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="223"/>
        <location filename="../../desktop/ui/parameter_panel.py" line="226"/>
        <source>JSON schema</source>
        <translation>JSON Schema</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="227"/>
        <source>Empty fields are not sent: the provider&apos;s default applies.</source>
        <translation>空白字段不会发送：将使用服务商的默认值。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="202"/>
        <source>PARAMETERS</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="203"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="204"/>
        <source>Unset every parameter (provider defaults)</source>
        <translation>清除所有参数（使用服务商默认值）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="205"/>
        <source>Reset parameters</source>
        <translation>重置参数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="206"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="207"/>
        <source>Load a preset</source>
        <translation>加载预设</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="208"/>
        <source>Preset actions</source>
        <translation>预设操作</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="209"/>
        <source>Save, rename or delete presets</source>
        <translation>保存、重命名或删除预设</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="210"/>
        <source>Save as preset…</source>
        <translation>另存为预设…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="211"/>
        <source>Rename preset…</source>
        <translation>重命名预设…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="212"/>
        <location filename="../../desktop/ui/parameter_panel.py" line="467"/>
        <source>Delete preset</source>
        <translation>删除预设</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="213"/>
        <source>Use as defaults for this model</source>
        <translation>设为此模型的默认值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="214"/>
        <source>Forget this model&apos;s defaults</source>
        <translation>忘记此模型的默认值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="307"/>
        <source>Also sent (set elsewhere): %1</source>
        <translation>同时发送（在别处设置）：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="368"/>
        <source>Presets…</source>
        <translation>预设…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="375"/>
        <source>%1 (built-in)</source>
        <translation>%1（内置）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="411"/>
        <source>Use as defaults for %1</source>
        <translation>设为 %1 的默认值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="436"/>
        <source>Preset name:</source>
        <translation>预设名称：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="441"/>
        <source>Save preset</source>
        <translation>保存预设</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="447"/>
        <source>Replace preset</source>
        <translation>替换预设</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="448"/>
        <source>A preset named “%1” exists. Replace it?</source>
        <translation>已存在名为“%1”的预设。要替换吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="458"/>
        <source>Rename preset</source>
        <translation>重命名预设</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="467"/>
        <source>Delete the preset “%1”?</source>
        <translation>删除预设“%1”？</translation>
    </message>
</context>
<context>
    <name>PrepareImage</name>
    <message>
        <location filename="../../desktop/media/image_prepare.py" line="55"/>
        <source>The image</source>
        <translation>该图片</translation>
    </message>
    <message>
        <location filename="../../desktop/media/image_prepare.py" line="57"/>
        <source>{0} cannot be attached: {1}</source>
        <translation>无法附加 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/media/image_prepare.py" line="103"/>
        <source>The image could not be encoded as {0}.</source>
        <translation>无法将图片编码为 {0}。</translation>
    </message>
    <message>
        <location filename="../../desktop/media/image_prepare.py" line="124"/>
        <location filename="../../desktop/media/image_prepare.py" line="196"/>
        <source>the file is {0} MB; the limit is {1} MB.</source>
        <translation>文件大小为 {0} MB，上限为 {1} MB。</translation>
    </message>
    <message>
        <location filename="../../desktop/media/image_prepare.py" line="128"/>
        <source>the file is empty.</source>
        <translation>文件为空。</translation>
    </message>
    <message>
        <location filename="../../desktop/media/image_prepare.py" line="136"/>
        <source>it is not an image in a known format (JPEG, PNG, GIF, WebP, BMP or TIFF).</source>
        <translation>这不是受支持格式的图片（JPEG、PNG、GIF、WebP、BMP 或 TIFF）。</translation>
    </message>
    <message>
        <location filename="../../desktop/media/image_prepare.py" line="141"/>
        <location filename="../../desktop/media/image_prepare.py" line="210"/>
        <source>it has {0} megapixels; the limit is {1}.</source>
        <translation>图片有 {0} 百万像素，上限为 {1}。</translation>
    </message>
    <message>
        <location filename="../../desktop/media/image_prepare.py" line="146"/>
        <source>it is animated ({0} frames); attach a still image.</source>
        <translation>这是动图（{0} 帧），请附加静态图片。</translation>
    </message>
    <message>
        <location filename="../../desktop/media/image_prepare.py" line="150"/>
        <source>the file is cut off (incomplete or corrupt).</source>
        <translation>文件不完整或已损坏。</translation>
    </message>
    <message>
        <location filename="../../desktop/media/image_prepare.py" line="162"/>
        <source>it could not be decoded ({0}).</source>
        <translation>无法解码（{0}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/media/image_prepare.py" line="208"/>
        <source>the clipboard held no readable image.</source>
        <translation>剪贴板中没有可读取的图片。</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../../desktop/ui/progress_dialog.py" line="39"/>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/progress_dialog.py" line="40"/>
        <source>Checking the conversations…</source>
        <translation>正在检查对话…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/progress_dialog.py" line="41"/>
        <source>Saving the conversations…</source>
        <translation>正在保存对话…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/progress_dialog.py" line="42"/>
        <source>Copying the history…</source>
        <translation>正在复制历史记录…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/progress_dialog.py" line="43"/>
        <source>Writing the export…</source>
        <translation>正在写入导出文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/progress_dialog.py" line="75"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>ProviderBalance</name>
    <message>
        <location filename="../../desktop/ui/provider_balance.py" line="56"/>
        <source>Refresh balance</source>
        <translation>刷新余额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_balance.py" line="58"/>
        <location filename="../../desktop/ui/provider_balance.py" line="75"/>
        <source>Balance: not checked yet.</source>
        <translation>余额：尚未查询。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_balance.py" line="73"/>
        <location filename="../../desktop/ui/provider_balance.py" line="116"/>
        <source>Balance: not offered by this provider.</source>
        <translation>余额：此提供商不提供余额查询。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_balance.py" line="91"/>
        <source>Balance: checking…</source>
        <translation>余额：正在查询…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_balance.py" line="113"/>
        <source>Balance: %1</source>
        <translation>余额：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_balance.py" line="118"/>
        <source>Balance: failed: %1</source>
        <translation>余额：查询失败：%1</translation>
    </message>
</context>
<context>
    <name>ProviderForm</name>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="256"/>
        <source>Provider name</source>
        <translation>服务商名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="305"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="257"/>
        <source>Base URL</source>
        <translation>基础 URL</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="306"/>
        <source>Base &amp;URL</source>
        <translation>基础 URL(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="258"/>
        <source>API style</source>
        <translation>API 类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="307"/>
        <source>API &amp;style</source>
        <translation>API 类型(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="259"/>
        <source>Where the key comes from</source>
        <translation>密钥来源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="262"/>
        <source>System keyring</source>
        <translation>系统密钥环</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="263"/>
        <source>Environment variable</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="264"/>
        <source>No key (local server)</source>
        <translation>无密钥（本地服务器）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="308"/>
        <source>&amp;Key from</source>
        <translation>密钥来源(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="268"/>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="383"/>
        <location filename="../../desktop/ui/provider_form.py" line="393"/>
        <source>Paste the API key</source>
        <translation>粘贴 API 密钥</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="269"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="270"/>
        <source>Show the key while typing</source>
        <translation>输入时显示密钥</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="309"/>
        <source>API &amp;key</source>
        <translation>API 密钥(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="271"/>
        <source>Environment variable name</source>
        <translation>环境变量名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="310"/>
        <source>&amp;Variable</source>
        <translation>变量(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="274"/>
        <source>Connection options</source>
        <translation>连接选项</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="275"/>
        <source>Show connection options</source>
        <translation>显示连接选项</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="276"/>
        <source>Ask for token usage in streams (stream_options)</source>
        <translation>在流式响应中请求 token 用量（stream_options）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="278"/>
        <source>Some relays reject stream_options; turn this off for them.</source>
        <translation>部分中转站不接受 stream_options；对它们请关闭此项。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="280"/>
        <source>Send PDFs natively</source>
        <translation>以原生方式发送 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="282"/>
        <source>Attached PDFs go to the model as files (OpenAI file part, Anthropic document, Responses input_file) instead of their extracted text. Only for gateways and models that read PDFs.</source>
        <translation>附加的 PDF 以文件形式发送给模型（OpenAI file 部分、Anthropic document、Responses input_file），而不是发送提取出的文本。仅适用于能读取 PDF 的网关和模型。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="285"/>
        <location filename="../../desktop/ui/provider_form.py" line="311"/>
        <source>Extra headers</source>
        <translation>额外请求头</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="286"/>
        <location filename="../../desktop/ui/provider_form.py" line="312"/>
        <source>Proxy</source>
        <translation>代理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="288"/>
        <source>System / environment</source>
        <translation>系统 / 环境变量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="288"/>
        <source>No proxy</source>
        <translation>不使用代理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="288"/>
        <source>This proxy:</source>
        <translation>使用此代理：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="291"/>
        <source>Proxy URL</source>
        <translation>代理 URL</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="292"/>
        <source>Verify TLS certificates</source>
        <translation>验证 TLS 证书</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="293"/>
        <source>Custom CA bundle</source>
        <translation>自定义 CA 证书包</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="294"/>
        <source>System trust store</source>
        <translation>系统信任存储</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="295"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="296"/>
        <source>Choose a CA bundle file</source>
        <translation>选择 CA 证书包文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="313"/>
        <location filename="../../desktop/ui/provider_form.py" line="487"/>
        <source>CA bundle</source>
        <translation>CA 证书包</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="297"/>
        <location filename="../../desktop/ui/provider_form.py" line="314"/>
        <source>Connect timeout</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="298"/>
        <location filename="../../desktop/ui/provider_form.py" line="315"/>
        <source>Read timeout</source>
        <translation>读取超时</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="299"/>
        <location filename="../../desktop/ui/provider_form.py" line="316"/>
        <source>Retries</source>
        <translation>重试次数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="272"/>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="273"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="382"/>
        <source>Checking the system keyring…</source>
        <translation>正在检查系统密钥环…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="386"/>
        <source>A key is stored in the system keyring. Paste a new one to replace it.</source>
        <translation>系统密钥环中已存有密钥。粘贴新密钥即可替换。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="388"/>
        <source>(stored)</source>
        <translation>（已保存）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="391"/>
        <source>Stored only in the system keyring, never in Switchboard&apos;s files.</source>
        <translation>只保存在系统密钥环中，绝不写入 Switchboard 的文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="474"/>
        <source>Enter the gateway&apos;s base URL, usually ending in /v1.</source>
        <translation>请输入网关的基础 URL，通常以 /v1 结尾。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="476"/>
        <source>Chat requests go to %1</source>
        <translation>聊天请求将发送到 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="489"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ProviderWiring</name>
    <message>
        <location filename="../../desktop/ui/provider_wiring.py" line="273"/>
        <source>The key for %1 is in the system keyring.</source>
        <translation>%1 的密钥已在系统密钥环中。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_wiring.py" line="276"/>
        <source>%2 The key for %1 is kept for this session only.</source>
        <translation>%2 %1 的密钥仅在本次运行期间保留。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_wiring.py" line="280"/>
        <source>The key for %1 is kept for this session only.</source>
        <translation>%1 的密钥仅在本次运行期间保留。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_wiring.py" line="284"/>
        <source>Send again to use it.</source>
        <translation>再次发送即可使用。</translation>
    </message>
</context>
<context>
    <name>ProvidersDialog</name>
    <message>
        <location filename="../../desktop/ui/provider_list.py" line="123"/>
        <location filename="../../desktop/ui/providers_dialog.py" line="142"/>
        <source>Providers</source>
        <translation>服务商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_list.py" line="122"/>
        <source>PROVIDERS</source>
        <translation>服务商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_list.py" line="124"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_list.py" line="126"/>
        <source>Add a provider</source>
        <translation>添加服务商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_list.py" line="147"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_list.py" line="140"/>
        <source>Remove the provider</source>
        <translation>移除服务商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_list.py" line="142"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_list.py" line="143"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="145"/>
        <source>No provider yet. Use “Add” to start from a template: cloud APIs, relay gateways such as MaxAPI, ModelMax or MaxToken, or a local server.</source>
        <translation>还没有服务商。点击“添加”从模板开始：云端 API、MaxAPI、ModelMax 或 MaxToken 等中转网关，或本地服务器。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="149"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="150"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_list.py" line="129"/>
        <source>Cloud APIs</source>
        <translation>云端 API</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_list.py" line="130"/>
        <source>Relay gateways</source>
        <translation>中转网关</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_list.py" line="131"/>
        <source>Local servers</source>
        <translation>本地服务器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_list.py" line="43"/>
        <source>%1 (new)</source>
        <translation>%1（新）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="234"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="235"/>
        <source>Save the changes to this provider?</source>
        <translation>保存对此服务商的更改吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="307"/>
        <source>Replace the example base URL with your gateway&apos;s.</source>
        <translation>请把示例基础 URL 换成你的网关地址。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="344"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="357"/>
        <source>Storing the key in the system keyring…</source>
        <translation>正在将密钥存入系统密钥环…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="367"/>
        <source>Saved; the key is in the system keyring.</source>
        <translation>已保存；密钥在系统密钥环中。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="376"/>
        <source>The key was not kept: %1</source>
        <translation>密钥未保存：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="381"/>
        <source>The key is kept in memory until Switchboard quits.</source>
        <translation>密钥将保存在内存中，直到 Switchboard 退出。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="386"/>
        <source>The key will be read from the environment variable %1.</source>
        <translation>密钥将从环境变量 %1 读取。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="419"/>
        <source>Remove %1? Its key is deleted from the system keyring.</source>
        <translation>移除 %1？它的密钥将从系统密钥环中删除。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="422"/>
        <source>Remove provider</source>
        <translation>移除服务商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="435"/>
        <source>The provider was removed, but its key could not be deleted: %1</source>
        <translation>服务商已移除，但无法删除其密钥：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="459"/>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/providers_dialog.py" line="488"/>
        <source>Connected. %n model(s) available</source>
        <translation>
            <numerusform>已连接。可用模型 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="496"/>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="169"/>
        <location filename="../../desktop/ui/read_aloud.py" line="173"/>
        <source>Read aloud failed: %1</source>
        <translation>朗读失败：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="171"/>
        <source>This reply has no text to read aloud.</source>
        <translation>这条回复没有可朗读的文字。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="180"/>
        <source>This reply is long: only its first part is read aloud.</source>
        <translation>这条回复较长：只朗读开头部分。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="190"/>
        <source>Audio cannot be played here (QtMultimedia does not load: %1).</source>
        <translation>此处无法播放音频（QtMultimedia 无法加载：%1）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="193"/>
        <source>There is no audio output on this system.</source>
        <translation>此系统没有音频输出设备。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="196"/>
        <source>This installation plays only WAV audio, and the provider sent %1. Choose WAV in the read-aloud settings to listen here.</source>
        <translation>此安装只能播放 WAV 音频，而服务商发送的是 %1。请在朗读设置中选择 WAV 以便在此收听。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="227"/>
        <source>The audio could not be played: %1.</source>
        <translation>音频无法播放：%1。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="252"/>
        <source>The audio was not saved: %1</source>
        <translation>音频未保存：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="255"/>
        <source>Audio saved to %1</source>
        <translation>音频已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="261"/>
        <source>Save audio — %1</source>
        <translation>保存音频 — %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="262"/>
        <source>Audio (*%1)</source>
        <translation>音频 (*%1)</translation>
    </message>
</context>
<context>
    <name>ReplyExtras</name>
    <message>
        <location filename="../../desktop/ui/chat_view/reply_extras.py" line="82"/>
        <location filename="../../desktop/ui/chat_view/reply_extras.py" line="86"/>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/reply_extras.py" line="84"/>
        <source>The model declined to answer.</source>
        <translation>模型拒绝回答。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/reply_extras.py" line="111"/>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/reply_extras.py" line="165"/>
        <source>{0} cached</source>
        <translation>{0} 缓存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/reply_extras.py" line="168"/>
        <source>{0} reasoning</source>
        <translation>{0} 推理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/reply_extras.py" line="190"/>
        <source>Token usage</source>
        <translation>Token 用量</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="34"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="40"/>
        <source>Choose the backup to restore. The current history is saved as a backup first, so a restore can itself be undone.</source>
        <translation>选择要恢复的备份。当前的历史记录会先保存为备份，因此恢复操作本身也可以撤销。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="56"/>
        <source>No backups yet in %1</source>
        <translation>%1 中还没有备份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="62"/>
        <source>Choose a file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="64"/>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="89"/>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="89"/>
        <source>made by you</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="90"/>
        <source>saved before a restore</source>
        <translation>恢复前保存</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/restore_dialog.py" line="95"/>
        <source>%n conversation(s)</source>
        <translation>
            <numerusform>%n 个对话</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="107"/>
        <source>Restore from a backup file</source>
        <translation>从备份文件恢复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="108"/>
        <source>Switchboard backups (*.sqlite3 *.db);;All files (*)</source>
        <translation>Switchboard 备份 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>RichTextView</name>
    <message>
        <location filename="../../desktop/ui/chat_view/rich_text.py" line="45"/>
        <source>Open image address</source>
        <translation>打开图片地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/rich_text.py" line="46"/>
        <source>The reply names this image. Switchboard does not load images from replies.

{0}

Open it with the system&apos;s default application?</source>
        <translation>回复中提到了这张图片。Switchboard 不会加载回复中的图片。

{0}

要用系统默认程序打开它吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/rich_text.py" line="353"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/rich_text.py" line="355"/>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/rich_text.py" line="363"/>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/rich_text.py" line="365"/>
        <source>Copy image address</source>
        <translation>复制图片地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/rich_text.py" line="370"/>
        <source>Copy link address</source>
        <translation>复制链接地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/rich_text.py" line="376"/>
        <source>Copy LaTeX</source>
        <translation>复制 LaTeX</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/rich_text.py" line="377"/>
        <source>Copy as MathML</source>
        <translation>复制为 MathML</translation>
    </message>
</context>
<context>
    <name>SearchResultsView</name>
    <message>
        <location filename="../../desktop/ui/search_results.py" line="326"/>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
</context>
<context>
    <name>ServerFormDialog</name>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="46"/>
        <source>Add an MCP server</source>
        <translation>添加 MCP 服务器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="54"/>
        <source>e.g. time</source>
        <translation>例如 time</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="55"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="57"/>
        <source>A command on this computer (stdio)</source>
        <translation>本机上的命令（stdio）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="58"/>
        <source>A URL (Streamable HTTP)</source>
        <translation>URL（Streamable HTTP）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="59"/>
        <source>&amp;Runs as</source>
        <translation>运行方式(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="68"/>
        <source>&amp;Command</source>
        <translation>命令(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="70"/>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="71"/>
        <source>&amp;Working directory</source>
        <translation>工作目录(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="73"/>
        <source>KEY=VALUE, one per line (optional)</source>
        <translation>KEY=VALUE，每行一个（可选）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="75"/>
        <source>&amp;Environment</source>
        <translation>环境变量(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="76"/>
        <source>The server sees only these variables and a safe minimum (PATH, HOME…), never your providers&apos; keys.</source>
        <translation>服务器只能看到这些变量和最少的安全变量（PATH、HOME…），永远看不到你的提供商密钥。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="86"/>
        <source>&amp;URL</source>
        <translation>&amp;URL</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="89"/>
        <source>optional; kept in the system keyring</source>
        <translation>可选；保存在系统密钥环中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="90"/>
        <source>Bearer &amp;token</source>
        <translation>Bearer 令牌(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="110"/>
        <source>A server named %1 exists already.</source>
        <translation>已存在名为 %1 的服务器。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="116"/>
        <source>The command cannot be read: %1</source>
        <translation>无法解析该命令：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="119"/>
        <source>Enter the command that starts the server.</source>
        <translation>请输入启动服务器的命令。</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../desktop/ui/sidebar.py" line="84"/>
        <source>New conversation (Ctrl+N)</source>
        <translation>新对话（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar.py" line="85"/>
        <source>New conversation</source>
        <translation>新对话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar.py" line="86"/>
        <source>Search  (Ctrl+K)</source>
        <translation>搜索（Ctrl+K）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar.py" line="87"/>
        <source>Search conversations</source>
        <translation>搜索对话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar.py" line="88"/>
        <source>No conversations yet.
Start one with Ctrl+N.</source>
        <translation>还没有对话。
按 Ctrl+N 开始一个。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar.py" line="101"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar.py" line="118"/>
        <source>No matches for “%1”.</source>
        <translation>没有与“%1”匹配的结果。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar.py" line="127"/>
        <source>Search failed: %1</source>
        <translation>搜索失败：%1</translation>
    </message>
</context>
<context>
    <name>SidebarActions</name>
    <message>
        <location filename="../../desktop/ui/sidebar_actions.py" line="80"/>
        <source>New folder</source>
        <translation>新建文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar_actions.py" line="81"/>
        <location filename="../../desktop/ui/sidebar_actions.py" line="95"/>
        <source>Folder name:</source>
        <translation>文件夹名称：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar_actions.py" line="94"/>
        <source>Rename folder</source>
        <translation>重命名文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar_actions.py" line="109"/>
        <source>Export conversation</source>
        <translation>导出对话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar_actions.py" line="111"/>
        <source>Markdown (*.md);;HTML (*.html);;JSON (*.json)</source>
        <translation>Markdown (*.md);;HTML (*.html);;JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar_actions.py" line="129"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar_actions.py" line="155"/>
        <source>Conversation deleted.</source>
        <translation>对话已删除。</translation>
    </message>
</context>
<context>
    <name>SpeechPlayer</name>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="88"/>
        <source>the WAV file could not be decoded</source>
        <translation>WAV 文件无法解码</translation>
    </message>
</context>
<context>
    <name>SpeechSettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/speech_settings.py" line="30"/>
        <source>Read aloud</source>
        <translation>朗读</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/speech_settings.py" line="33"/>
        <source>The conversation&apos;s provider</source>
        <translation>当前对话的服务商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/speech_settings.py" line="48"/>
        <source>WAV plays everywhere; other formats need a media backend (installs from pip have one, the bundle does not).</source>
        <translation>WAV 在任何地方都能播放；其他格式需要媒体后端（pip 安装自带，打包版没有）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/speech_settings.py" line="51"/>
        <source>Provider:</source>
        <translation>服务商：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/speech_settings.py" line="52"/>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/speech_settings.py" line="52"/>
        <source>Voice:</source>
        <translation>声音：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/speech_settings.py" line="53"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
</context>
<context>
    <name>ToolCard</name>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="143"/>
        <source>Arguments</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="144"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="145"/>
        <source>Show all</source>
        <translation>全部显示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="146"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="147"/>
        <source>Deny</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="148"/>
        <source>Always allow this tool</source>
        <translation>始终允许此工具</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="170"/>
        <source>tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="174"/>
        <source>Tool call {0}</source>
        <translation>工具调用 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="208"/>
        <source>Waiting for approval</source>
        <translation>等待批准</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="209"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="210"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="211"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="212"/>
        <source>Denied</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="213"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="214"/>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="219"/>
        <source>Running · {0}</source>
        <translation>运行中 · {0}</translation>
    </message>
</context>
<context>
    <name>ToolChoiceButton</name>
    <message>
        <location filename="../../desktop/ui/tools/tool_choice_button.py" line="56"/>
        <location filename="../../desktop/ui/tools/tool_choice_button.py" line="58"/>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tool_choice_button.py" line="56"/>
        <source>Tools · {0}</source>
        <translation>工具 · {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tool_choice_button.py" line="57"/>
        <source>Tools the model may call in this conversation</source>
        <translation>此对话中模型可以调用的工具</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tool_choice_button.py" line="59"/>
        <source>Tools: {0} servers on</source>
        <translation>工具：已启用 {0} 个服务器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tool_choice_button.py" line="87"/>
        <source>No MCP servers yet</source>
        <translation>还没有 MCP 服务器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tool_choice_button.py" line="98"/>
        <source>Manage servers…</source>
        <translation>管理服务器…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tool_choice_button.py" line="102"/>
        <source>Tools of {0}</source>
        <translation>{0} 的工具</translation>
    </message>
</context>
<context>
    <name>ToolTurns</name>
    <message>
        <location filename="../../desktop/ui/tool_exchange.py" line="184"/>
        <source>None of the chosen tools is available: sending without tools.</source>
        <translation>所选工具均不可用：将不带工具发送。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tool_exchange.py" line="206"/>
        <source>Send without tools</source>
        <translation>不带工具发送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tool_exchange.py" line="305"/>
        <source>“Always allow” could not be saved: {0}</source>
        <translation>无法保存“始终允许”：{0}</translation>
    </message>
</context>
<context>
    <name>ToolsDialog</name>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="74"/>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="343"/>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="85"/>
        <source>MCP servers give models tools. Nothing runs without your approval: each call is shown with its arguments first, unless you chose “Always allow” for that tool.</source>
        <translation>MCP 服务器为模型提供工具。未经你批准，任何工具都不会运行：每次调用都会先显示其参数，除非你为该工具选择了“始终允许”。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="102"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="103"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="105"/>
        <source>Servers from an mcp.json or claude_desktop_config.json file</source>
        <translation>从 mcp.json 或 claude_desktop_config.json 文件导入服务器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="106"/>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="423"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="132"/>
        <source>Use this server</source>
        <translation>使用此服务器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="133"/>
        <source>Start and list tools</source>
        <translation>启动并列出工具</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="141"/>
        <source>Tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="141"/>
        <source>Offered</source>
        <translation>提供给模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="142"/>
        <source>Always allow</source>
        <translation>始终允许</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="151"/>
        <source>Select a tool to see what it does and the arguments it takes.</source>
        <translation>选择一个工具，查看它的用途和所需参数。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="200"/>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="210"/>
        <source>Turned off</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="201"/>
        <source>Not running — starts when a model first needs it</source>
        <translation>未运行——模型首次需要时启动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="202"/>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="208"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="202"/>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="209"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="203"/>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="299"/>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="208"/>
        <source>Not running</source>
        <translation>未运行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="209"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="235"/>
        <source>No MCP server yet</source>
        <translation>还没有 MCP 服务器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="236"/>
        <source>Add one by its command or URL, or import the mcp.json you already use with another client.</source>
        <translation>通过命令或 URL 添加，或导入你在其他客户端中使用的 mcp.json。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="243"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="243"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="258"/>
        <source>Start the server to see its tools.</source>
        <translation>启动服务器以查看其工具。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="359"/>
        <source>The token of %1 was not stored: %2</source>
        <translation>%1 的令牌未能保存：%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="389"/>
        <source>Import MCP servers</source>
        <translation>导入 MCP 服务器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="390"/>
        <source>MCP configuration (*.json);;All files (*)</source>
        <translation>MCP 配置 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="419"/>
        <source>Remove MCP server</source>
        <translation>移除 MCP 服务器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="420"/>
        <source>Remove %1? Its token, if any, is deleted from the system keyring.</source>
        <translation>移除 %1？如有令牌，也会从系统密钥环中删除。</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="99"/>
        <location filename="../../desktop/ui/main_window.py" line="100"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="101"/>
        <source>Undo (Ctrl+Z)</source>
        <translation>撤销（Ctrl+Z）</translation>
    </message>
</context>
<context>
    <name>VisionCheck</name>
    <message>
        <location filename="../../desktop/ui/attachment_sender.py" line="83"/>
        <source>Send images?</source>
        <translation>发送图片？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachment_sender.py" line="84"/>
        <source>{0} is not known to understand images.</source>
        <translation>未知 {0} 是否能理解图片。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachment_sender.py" line="86"/>
        <source>The provider may refuse the request or the model may ignore the images.</source>
        <translation>服务商可能拒绝该请求，或模型可能忽略图片。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachment_sender.py" line="87"/>
        <source>Send anyway</source>
        <translation>仍然发送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachment_sender.py" line="90"/>
        <source>Don&apos;t ask again for this model</source>
        <translation>此模型不再询问</translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="112"/>
        <source>Connect a model provider</source>
        <translation>连接模型服务商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="115"/>
        <source>Switchboard talks to any OpenAI-compatible API: cloud providers, relay gateways and servers on this computer. Keys are kept in your system keyring only.</source>
        <translation>Switchboard 可连接任何兼容 OpenAI 的 API：云服务商、中转网关以及本机上的服务器。密钥只保存在你的系统密钥环中。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="119"/>
        <source>Add a provider…</source>
        <translation>添加服务商…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="120"/>
        <source>Add a provider</source>
        <translation>添加服务商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="122"/>
        <source>Add %1</source>
        <translation>添加 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="123"/>
        <source>ON THIS COMPUTER</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="124"/>
        <source>Look again</source>
        <translation>重新查找</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="125"/>
        <source>Look for local servers again</source>
        <translation>重新查找本地服务器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="129"/>
        <source>Looking for local servers on 127.0.0.1 (%1)…</source>
        <translation>正在 127.0.0.1 上查找本地服务器（%1）…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="176"/>
        <source>No local server answered. Start Ollama, LM Studio, llama.cpp, vLLM or LiteLLM and look again, or add a provider above.</source>
        <translation>没有本地服务器响应。请启动 Ollama、LM Studio、llama.cpp、vLLM 或 LiteLLM 后重新查找，或在上方添加服务商。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="181"/>
        <source>These servers answered:</source>
        <translation>以下服务器有响应：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="192"/>
        <source>asks for a key</source>
        <translation>需要密钥</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/welcome_view.py" line="194"/>
        <source>%n model(s)</source>
        <translation>
            <numerusform>%n 个模型</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="203"/>
        <source>Use it</source>
        <translation>使用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="204"/>
        <source>Use %1</source>
        <translation>使用 %1</translation>
    </message>
</context>
<context>
    <name>pane</name>
    <message>
        <location filename="../../desktop/ui/window_assembly.py" line="204"/>
        <source>New conversation</source>
        <translation>新对话</translation>
    </message>
</context>
<context>
    <name>self.read_aloud</name>
    <message>
        <location filename="../../desktop/ui/read_aloud_wiring.py" line="60"/>
        <source>Choose a provider first: read aloud uses the conversation&apos;s provider.</source>
        <translation>请先选择服务商：朗读使用当前对话的服务商。</translation>
    </message>
</context>
</TS>
